using System.ComponentModel.DataAnnotations;

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

    /// <summary>
    /// How long cleaning the HTML of one fetch of a feed may take, all its posts together. Past it the fetch fails with
    /// that error and stores nothing; a real feed's posts take milliseconds (a 5 MB post ≈ 0.1 s).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CleaningTimeLimit { get; set; } = TimeSpan.FromSeconds(30);
}
