using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Syndication;

namespace VirtPlanet.Tests.Syndication;

/// <summary>
/// Feed readers that send Accept-Encoding get the outputs compressed, from a copy compressed once per version:
/// the same document, its own validators, and never a coding the reader refused.
/// </summary>
public sealed class CompressedOutputTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => planet.StorePlanetAsync();

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Theory]
    [InlineData("/atom.xml", "br")]
    [InlineData("/atom.xml", "gzip")]
    [InlineData("/rss20.xml", "br")]
    [InlineData("/feed.json", "gzip")]
    [InlineData("/authors/thomas-huth/atom.xml", "br")]
    public async Task CompressedOutputDecompressesToThePlainDocument(string path, string coding)
    {
        var client = planet.CreateClient();
        var plain = await client.GetByteArrayAsync(path);

        var response = await client.SendAsync(Get(path, coding));

        Assert.Equal([coding], response.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(plain, Decompress(await response.Content.ReadAsByteArrayAsync(), coding));
    }

    [Fact]
    public async Task PlainAndCompressedFormsShareOneWeakValidatorThatAnswers304()
    {
        var client = planet.CreateClient();
        var plain = await client.GetAsync("/atom.xml");
        var compressed = await client.SendAsync(Get("/atom.xml", "gzip"));

        var again = Get("/atom.xml", "br");
        again.Headers.IfNoneMatch.Add(plain.Headers.ETag!);
        var revalidated = await client.SendAsync(again);

        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("Accept-Encoding", plain.Headers.Vary);
        Assert.True(plain.Headers.ETag!.IsWeak);
        Assert.Equal(plain.Headers.ETag, compressed.Headers.ETag);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
        Assert.Empty(await revalidated.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip, br;q=0", "gzip")]
    [InlineData("br;q=0, gzip;q=0", "identity")]
    [InlineData("deflate", "identity")]
    [InlineData("*", "br")]
    [InlineData("*;q=0, gzip", "gzip")]
    [InlineData("GZIP", "gzip")]
    [InlineData("", "identity")]
    [InlineData("br;q=nonsense", "identity")]
    public void CodingFollowsTheReadersAcceptEncoding(string acceptEncoding, string expected) =>
        Assert.Equal(expected, ContentCodings.Choose([acceptEncoding]));

    private static HttpRequestMessage Get(string path, string coding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(coding));
        return request;
    }

    private static byte[] Decompress(byte[] body, string coding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = coding == "br"
            ? new BrotliStream(input, CompressionMode.Decompress)
            : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }
}
