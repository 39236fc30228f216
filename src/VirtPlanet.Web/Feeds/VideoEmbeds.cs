using AngleSharp.Dom;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Keeps the iframes of known video players (YouTube, Vimeo, configured PeerTube instances) as sandboxed,
/// lazily loaded https embeds built from scratch, and removes every other iframe.
/// </summary>
/// <remarks>
/// <c>allow-scripts allow-same-origin</c> is safe here only because the frame is always cross-origin to the
/// planet: the player runs as youtube.com (etc.), never as us, and cannot reach the page around it.
/// </remarks>
internal sealed class VideoEmbeds(IOptions<ContentOptions> options)
{
    private static readonly (string Host, string Path)[] Players =
    [
        ("www.youtube.com", "/embed/"), ("youtube.com", "/embed/"), ("m.youtube.com", "/embed/"),
        ("www.youtube-nocookie.com", "/embed/"), ("youtube-nocookie.com", "/embed/"), ("player.vimeo.com", "/video/"),
    ];

    private readonly HashSet<string> peerTubeHosts = new(options.Value.PeerTubeHosts, StringComparer.OrdinalIgnoreCase);

    public void Apply(IElement root)
    {
        foreach (var frame in root.QuerySelectorAll("iframe").ToList())
        {
            var player = Player(MarkupUrl.Resolve(frame.GetAttribute("src"), null));
            if (player is null)
            {
                frame.Remove();
                continue;
            }

            var embed = root.Owner!.CreateElement("iframe");
            embed.SetAttribute("src", player.AbsoluteUri);
            CopyDimension(frame, embed, "width");
            CopyDimension(frame, embed, "height");
            embed.SetAttribute("sandbox", "allow-scripts allow-same-origin allow-presentation");
            embed.SetAttribute("allow", "fullscreen");
            embed.SetAttribute("loading", "lazy");
            embed.SetAttribute("referrerpolicy", "strict-origin-when-cross-origin");
            frame.Replace(embed);
        }
    }

    /// <summary>The https player URL when <paramref name="url"/> is an allowed player; otherwise null.</summary>
    private Uri? Player(Uri? url)
    {
        if (url is null || !MarkupUrl.IsHttp(url) || !string.IsNullOrEmpty(url.UserInfo))
        {
            return null;
        }

        var allowed = Players.Any(p => url.Host.Equals(p.Host, StringComparison.OrdinalIgnoreCase) && url.AbsolutePath.StartsWith(p.Path, StringComparison.Ordinal))
            || (peerTubeHosts.Contains(url.Host) && url.AbsolutePath.StartsWith("/videos/embed/", StringComparison.Ordinal));
        return allowed ? new UriBuilder(url) { Scheme = Uri.UriSchemeHttps, Port = url.IsDefaultPort ? -1 : url.Port }.Uri : null;
    }

    private static void CopyDimension(IElement from, IElement to, string name)
    {
        if (int.TryParse(from.GetAttribute(name), out var pixels) && pixels is > 0 and <= 4000)
        {
            to.SetAttribute(name, pixels.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
