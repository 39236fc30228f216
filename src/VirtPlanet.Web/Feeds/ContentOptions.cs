namespace VirtPlanet.Web.Feeds;

/// <summary>What post content may carry beyond the built-in policy: section <c>Planet:Content</c>.</summary>
public sealed class ContentOptions
{
    public const string Section = "Planet:Content";

    /// <summary>
    /// Host names of PeerTube instances whose embed player (<c>/videos/embed/…</c>) may stay in posts as a
    /// sandboxed iframe, beside the built-in YouTube and Vimeo players. Empty: no PeerTube embeds.
    /// </summary>
    public List<string> PeerTubeHosts { get; set; } = [];
}
