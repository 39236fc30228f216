using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>
/// The real planet host (a <see cref="PlanetFactory"/>) listening on a free loopback port with Kestrel, so a real
/// browser or any HTTP client can reach it.
/// </summary>
public sealed class LivePlanet : IAsyncDisposable
{
    private LivePlanet(PlanetFactory factory)
    {
        Factory = factory;
        var addresses = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseUri = new Uri(addresses.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
    }

    public PlanetFactory Factory { get; }

    public Uri BaseUri { get; }

    public IServiceProvider Services => Factory.Services;

    public static LivePlanet Start(Dictionary<string, string?>? overrides = null)
    {
        var factory = new PlanetFactory(overrides);
        factory.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        factory.StartServer();
        return new LivePlanet(factory);
    }

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>An HTTP client over the wire to the live host (not the in-memory test server).</summary>
    public HttpClient CreateHttpClient() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = BaseUri };

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
