using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>A real Kestrel server on a free loopback port, serving whatever the test maps: the feeds' side of the wire.</summary>
public sealed class FeedServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> requests;

    private FeedServer(WebApplication app, ConcurrentQueue<string> requests)
    {
        this.app = app;
        this.requests = requests;
        BaseUri = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public Uri BaseUri { get; }

    /// <summary>Every request as "GET /path?query", in arrival order.</summary>
    public IReadOnlyList<string> RequestLog => requests.ToArray();

    public static async Task<FeedServer> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var requests = new ConcurrentQueue<string>();
        app.Use(async (context, next) =>
        {
            requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next(context);
        });
        map(app);
        await app.StartAsync();
        return new FeedServer(app, requests);
    }

    public Uri Url(string path) => new(BaseUri, path);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await app.StopAsync(stop.Token);
        await app.DisposeAsync();
    }
}
