using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>The fetcher as the app builds it (AddFeedFetching, real handler) against a loopback Kestrel server.</summary>
public sealed class FeedFetcherTests : IAsyncLifetime
{
    private const string ETag = "\"v1\"";
    private const string LastModified = "Wed, 01 Jan 2025 10:00:00 GMT";
    private const int Cap = 64 * 1024;
    private static readonly byte[] Rss = "<rss version=\"2.0\"><channel><title>t</title></channel></rss>"u8.ToArray();

    // 64 MiB of zeros in a gzip body of about 64 KB: the classic decompression bomb.
    private static readonly byte[] Bomb = Gzip(new byte[64 * 1024 * 1024]);

    private readonly List<ServiceProvider> providers = [];
    private readonly Dictionary<string, string?> seenHeaders = [];
    private FeedServer server = null!;

    public async Task InitializeAsync()
    {
        server = await FeedServer.StartAsync(app =>
        {
            app.MapGet("/feed.xml", Feed);
            app.MapGet("/moved", () => Results.Redirect("/moved-again", permanent: true));
            app.MapGet("/moved-again", () => Results.Redirect("/feed.xml", permanent: true, preserveMethod: true));
            app.MapGet("/elsewhere", () => Results.Redirect("/moved", permanent: false));
            app.MapGet("/chain/{hops:int}", (int hops) => Results.Redirect(hops == 0 ? "/feed.xml" : $"/chain/{hops - 1}", permanent: true));
            app.MapGet("/loop/a", () => Results.Redirect("/loop/b"));
            app.MapGet("/loop/b", () => Results.Redirect("/loop/a"));
            app.MapGet("/to", (string target) => Results.Redirect(target));
            app.MapGet("/gone", () => Results.StatusCode(410));
            app.MapGet("/broken", () => Results.StatusCode(500));
            app.MapGet("/busy", (HttpContext context) =>
            {
                context.Response.Headers.RetryAfter = "120";
                return Results.StatusCode(503);
            });
            app.MapGet("/big", StreamZerosAsync);
            app.MapGet("/big-declared", () => Results.Bytes(new byte[Cap + 1], "application/xml"));
            app.MapGet("/bomb", (HttpContext context) =>
            {
                context.Response.Headers.ContentEncoding = "gzip";
                return Results.Bytes(Bomb, "application/xml");
            });
            app.MapGet("/slow", DripAsync);
            app.MapGet("/silent", (HttpContext context) => Task.Delay(Timeout.Infinite, context.RequestAborted));
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }

        await server.DisposeAsync();
    }

    [Fact]
    public async Task OkReturnsBodyValidatorsAndMaxAge()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/feed.xml")), CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(Rss, result.Body);
        Assert.Equal("application/rss+xml; charset=utf-8", result.ContentType);
        Assert.Equal(ETag, result.ETag);
        Assert.Equal(LastModified, result.LastModified);
        Assert.Equal(TimeSpan.FromMinutes(10), result.MaxAge);
        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Null(result.PermanentUrl);
        Assert.Null(result.Error);
    }

    [Fact]
    public async Task RequestIdentifiesThePlanetAndPrefersFeedTypes()
    {
        await Fetcher().FetchAsync(new FetchRequest(server.Url("/feed.xml")), CancellationToken.None);

        Assert.Matches(@"^VirtPlanet/\d+\.\d+\.\d+ \(\+http://planet\.test/\)$", seenHeaders["User-Agent"]);
        Assert.StartsWith("application/atom+xml, application/rss+xml", seenHeaders["Accept"]);
        Assert.EndsWith("*/*;q=0.1", seenHeaders["Accept"]);
        Assert.Contains("gzip", seenHeaders["Accept-Encoding"]);
        Assert.Contains("br", seenHeaders["Accept-Encoding"]);
    }

    [Fact]
    public async Task ConditionalRequestSendsValidatorsVerbatimAndGetsNotModified()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/feed.xml"), ETag, LastModified), CancellationToken.None);

        Assert.Equal(FetchStatus.NotModified, result.Status);
        Assert.Equal(304, result.HttpStatus);
        Assert.Null(result.Body);
        Assert.Equal(TimeSpan.FromMinutes(10), result.MaxAge);
        Assert.Equal(ETag, seenHeaders["If-None-Match"]);
        Assert.Equal(LastModified, seenHeaders["If-Modified-Since"]);
    }

    [Fact]
    public async Task PermanentRedirectChainGivesThePermanentUrl()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/moved")), CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Equal(server.Url("/feed.xml"), result.PermanentUrl);
        Assert.Equal(["GET /moved", "GET /moved-again", "GET /feed.xml"], server.RequestLog);
    }

    [Fact]
    public async Task TemporaryRedirectAnywhereInTheChainGivesNoPermanentUrl()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/elsewhere")), CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
        Assert.Equal(server.Url("/feed.xml"), result.FinalUrl);
        Assert.Null(result.PermanentUrl);
    }

    [Fact]
    public async Task RedirectsUpToTheLimitAreFollowed()
    {
        var result = await Fetcher(o => o.MaxRedirects = 3).FetchAsync(new FetchRequest(server.Url("/chain/2")), CancellationToken.None);

        Assert.Equal(FetchStatus.Ok, result.Status);
    }

    [Fact]
    public async Task MoreRedirectsThanTheLimitFail()
    {
        var result = await Fetcher(o => o.MaxRedirects = 3).FetchAsync(new FetchRequest(server.Url("/chain/3")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.StartsWith("too many redirects (more than 3)", result.Error);
        Assert.Equal(4, server.RequestLog.Count);
    }

    [Fact]
    public async Task RedirectLoopFailsClearly()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/loop/a")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal($"redirect loop: {server.Url("/loop/b")} redirects back to {server.Url("/loop/a")}", result.Error);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://ftp.example.org/feed.xml")]
    [InlineData("javascript:alert(1)")]
    public async Task RedirectToNonHttpSchemeIsRefused(string target)
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url($"/to?target={Uri.EscapeDataString(target)}")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal($"refused {new Uri(target)}: only http and https URLs are fetched", result.Error);
        Assert.Single(server.RequestLog);
    }

    [Fact]
    public async Task GoneIsReportedAsGone()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/gone")), CancellationToken.None);

        Assert.Equal(FetchStatus.Gone, result.Status);
        Assert.StartsWith("HTTP 410 Gone: ", result.Error);
    }

    [Fact]
    public async Task ServerErrorFailsWithStatusAndReason()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/broken")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal(500, result.HttpStatus);
        Assert.Equal("HTTP 500 Internal Server Error", result.Error);
    }

    [Fact]
    public async Task ServiceUnavailableCarriesRetryAfter()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/busy")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("HTTP 503 Service Unavailable", result.Error);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
    }

    [Fact]
    public async Task BodyOverTheCapIsRefusedWhileStreaming()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/big")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("the feed is larger than 64 KiB", result.Error);
        Assert.Null(result.Body);
    }

    [Fact]
    public async Task DeclaredContentLengthOverTheCapIsRefused()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/big-declared")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("the feed is larger than 64 KiB", result.Error);
    }

    [Fact]
    public async Task GzipBombIsRefusedAtTheCapAfterDecompression()
    {
        Assert.True(Bomb.Length < Cap, "the compressed bomb itself fits under the cap");

        var result = await Fetcher().FetchAsync(new FetchRequest(server.Url("/bomb")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("the feed is larger than 64 KiB", result.Error);
    }

    [Fact]
    public async Task ServerSendingOneBytePerSecondTimesOut()
    {
        var result = await Fetcher(o => o.Timeout = TimeSpan.FromSeconds(2)).FetchAsync(new FetchRequest(server.Url("/slow")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("timed out after 2 s", result.Error);
    }

    [Fact]
    public async Task ServerThatNeverAnswersTimesOut()
    {
        var result = await Fetcher(o => o.Timeout = TimeSpan.FromSeconds(2)).FetchAsync(new FetchRequest(server.Url("/silent")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("timed out after 2 s", result.Error);
    }

    [Fact]
    public async Task CallerCancellationPropagates()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Fetcher().FetchAsync(new FetchRequest(server.Url("/silent")), cancel.Token));
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("localhost", null)]
    public async Task LoopbackIsRefusedUnlessPrivateAddressesAreAllowed(string host, string? address)
    {
        var url = new UriBuilder(server.BaseUri) { Host = host, Path = "/feed.xml" }.Uri;

        var result = await Fetcher(o => o.AllowPrivateAddresses = false).FetchAsync(new FetchRequest(url), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.StartsWith($"refused: {host} resolves to a private or loopback address ({address}", result.Error);
        Assert.EndsWith("); set Planet:Fetch:AllowPrivateAddresses to allow it", result.Error);
        Assert.Empty(server.RequestLog);
    }

    [Fact]
    public async Task ClosedPortFailsWithConnectionRefused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var result = await Fetcher().FetchAsync(new FetchRequest(new Uri($"http://127.0.0.1:{port}/feed.xml")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal($"connection refused by 127.0.0.1:{port}", result.Error);
    }

    [Fact]
    public async Task UnknownHostFailsWithDnsError()
    {
        var result = await Fetcher().FetchAsync(new FetchRequest(new Uri("http://no-such-host.invalid/feed.xml")), CancellationToken.None);

        Assert.Equal(FetchStatus.Failed, result.Status);
        Assert.Equal("DNS lookup failed for host no-such-host.invalid", result.Error);
    }

    private FeedFetcher Fetcher(Action<FetchOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOptions<PlanetOptions>().Configure(o => o.Link = "http://planet.test/");
        services.AddOptions<FetchOptions>().Configure(o =>
        {
            o.AllowPrivateAddresses = true;
            o.Timeout = TimeSpan.FromSeconds(5);
            o.MaxBodyBytes = Cap;
            configure?.Invoke(o);
        });
        services.AddFeedFetching();
        var provider = services.BuildServiceProvider();
        providers.Add(provider);
        return provider.GetRequiredService<FeedFetcher>();
    }

    private IResult Feed(HttpContext context)
    {
        var headers = context.Request.Headers;
        foreach (var name in new[] { "User-Agent", "Accept", "Accept-Encoding", "If-None-Match", "If-Modified-Since" })
        {
            seenHeaders[name] = headers[name].ToString();
        }

        context.Response.Headers.CacheControl = "public, max-age=600";
        if (headers.IfNoneMatch == ETag && headers.IfModifiedSince == LastModified)
        {
            return Results.StatusCode(304);
        }

        context.Response.Headers.ETag = ETag;
        context.Response.Headers.LastModified = LastModified;
        return Results.Bytes(Rss, "application/rss+xml; charset=utf-8");
    }

    private static async Task StreamZerosAsync(HttpContext context)
    {
        context.Response.ContentType = "application/xml";
        var chunk = new byte[8 * 1024];
        for (var i = 0; i < 128; i++)
        {
            await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
        }
    }

    private static async Task DripAsync(HttpContext context)
    {
        context.Response.ContentType = "application/xml";
        await context.Response.StartAsync(context.RequestAborted);
        for (var i = 0; i < 60; i++)
        {
            await context.Response.Body.WriteAsync("<"u8.ToArray(), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(1), context.RequestAborted);
        }
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }
}
