using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Posts;

/// <summary>Rendered reading pages are kept, but never past a change to the database, and never with anyone's cookie.</summary>
public sealed class RiverOutputCacheTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Fact]
    public async Task CachedHomePageDropsAPostOnceTheAdminHidesIt()
    {
        await AddPostAsync("QEMU version 2.10.0 released");
        using var client = planet.CreateClient();
        var first = await client.GetStringAsync("/");
        var again = await client.GetStringAsync("/");

        await using (var db = await planet.CreateDbContextAsync())
        {
            await db.Posts.ExecuteUpdateAsync(s => s.SetProperty(p => p.IsHidden, true));
        }

        Assert.Contains("QEMU version 2.10.0 released", first);
        Assert.Equal(first, again);
        Assert.DoesNotContain("QEMU version 2.10.0 released", await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/feeds/qemu-project")]
    [InlineData("/authors/thomas-huth")]
    public async Task ReadingPagesCarryNoCookieAndNoAntiforgeryToken(string path)
    {
        await AddPostAsync("QEMU version 2.10.0 released");
        using var client = planet.CreateClient();

        foreach (var _ in Enumerable.Range(0, 2))
        {
            using var response = await client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();

            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains(HeaderNames.SetCookie));
            Assert.DoesNotContain("RequestVerificationToken", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Antiforgery", body, StringComparison.OrdinalIgnoreCase);
            // blazor.web.js compares this header exactly; "Allow" would turn enhanced navigation into full page loads.
            Assert.Equal("allow", response.Headers.GetValues("blazor-enhanced-nav").Single());
        }
    }

    [Fact]
    public async Task EachReaderGetsTheReadingPageInTheEncodingItAskedForCachedOrNot()
    {
        await AddPostAsync("QEMU version 2.10.0 released");
        using var client = planet.CreateClient();
        var plain = await client.GetStringAsync("/");

        // Each encoding is a variant of its own, rendered once (a page embeds a per-render Blazor marker): the second
        // request of each must be the cached copy of the first, in the same encoding.
        foreach (var encoding in new[] { "br", "gzip", "identity" })
        {
            var first = await GetAsync(client, encoding);
            var again = await GetAsync(client, encoding);

            Assert.Contains("QEMU version 2.10.0 released", first);
            Assert.Equal(first, again);
        }

        Assert.Equal(plain, await client.GetStringAsync("/"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task ReadingPagesAreCompressedAsTightlyAsThePlanetsFeeds(string encoding)
    {
        var words = "QEMU KVM libvirt guest host migration virtio block device memory balloon snapshot release patch series maintainer kernel driver storage network bridge firmware"
            .Split(' ');
        var random = new Random(17);
        await AddPostsAsync(Enumerable.Range(0, 30).Select(i => string.Concat(Enumerable.Range(0, 12).Select(_ =>
            "<p>" + string.Join(' ', Enumerable.Range(0, 25).Select(_ => words[random.Next(words.Length)])) + ".</p>"))));
        using var client = planet.CreateClient();
        var plain = await client.GetByteArrayAsync("/");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request);
        var served = (await response.Content.ReadAsByteArrayAsync()).Length;

        // Compressed once per version, at the level the Atom and RSS outputs use, not the middleware's Fastest.
        var optimal = Compressed(plain, encoding, CompressionLevel.Optimal);
        Assert.True(served <= optimal * 1.03, $"{served} bytes served, {optimal} at the optimal level");
    }

    private static int Compressed(byte[] plain, string encoding, CompressionLevel level)
    {
        using var buffer = new MemoryStream();
        using (Stream encoder = encoding == "br" ? new BrotliStream(buffer, level, leaveOpen: true) : new GZipStream(buffer, level, leaveOpen: true))
        {
            encoder.Write(plain);
        }

        return (int)buffer.Length;
    }

    private static async Task<string> GetAsync(HttpClient client, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd(encoding);
        using var response = await client.SendAsync(request);
        Assert.Equal(encoding == "identity" ? [] : [encoding], response.Content.Headers.ContentEncoding);
        return Decoded(await response.Content.ReadAsByteArrayAsync(), encoding);
    }

    private static string Decoded(byte[] bytes, string encoding)
    {
        using Stream stream = encoding switch
        {
            "br" => new BrotliStream(new MemoryStream(bytes), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress),
            _ => new MemoryStream(bytes),
        };
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private async Task AddPostsAsync(IEnumerable<string> contents)
    {
        var published = new DateTime(2017, 9, 1, 7, 0, 0, DateTimeKind.Utc);
        await AddPostsAsync(feed => contents.Select((content, i) =>
        {
            var post = SeedPosts.Post(feed, $"qemu-{i}", $"QEMU news {i}", published.AddHours(-i));
            post.ContentHtml = content;
            return post;
        }));
    }

    private Task AddPostAsync(string title) =>
        AddPostsAsync(feed => [SeedPosts.Post(feed, "qemu-2-10", title, new DateTime(2017, 9, 1, 7, 0, 0, DateTimeKind.Utc))]);

    private async Task AddPostsAsync(Func<Feed, IEnumerable<Post>> posts)
    {
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);
        await using var db = await planet.CreateDbContextAsync();
        db.Posts.AddRange(posts(feed));
        await db.SaveChangesAsync();
    }
}
