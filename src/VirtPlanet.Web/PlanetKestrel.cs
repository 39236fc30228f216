using Microsoft.AspNetCore.Connections;

namespace VirtPlanet.Web;

/// <summary>
/// Kestrel tuned for what the planet serves: large answers from memory. Measured in docs/performance.md (serving rounds
/// 13 and 14): together the two settings raised <c>/atom.xml</c> from 0.42 to 0.60 of static nginx's rate and the
/// reading pages from 0.42-0.46 to 0.58-0.69.
/// </summary>
public static class PlanetKestrel
{
    public static WebApplicationBuilder UsePlanetKestrel(this WebApplicationBuilder builder)
    {
        // A connection's request runs on the thread that read it, without a second hop through the thread pool. The
        // socket completions themselves still come on thread-pool threads (DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS
        // is not set), so a slow request, such as a reading page rendered after a poll, holds one pool thread as before
        // and not the socket engine's thread.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        // Registered after Kestrel's own factory, so the transport takes this one.
        builder.Services.AddSingleton<IMemoryPoolFactory<byte>, LargeBlockMemoryPoolFactory>();
        return builder;
    }
}
