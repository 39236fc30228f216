using System.ComponentModel.DataAnnotations;

namespace VirtPlanet.Web.Syndication;

/// <summary>The planet's outputs (Atom, RSS, JSON Feed): section <c>Planet:Syndication</c>.</summary>
public sealed class SyndicationOptions
{
    public const string Section = "Planet:Syndication";

    /// <summary>How many of the newest posts each river output carries.</summary>
    [Range(1, 1000)]
    public int MaxPosts { get; set; } = 60;

    /// <summary>How long an output nobody asks for stays in memory (per-author and per-feed outputs come and go).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CacheIdleTime { get; set; } = TimeSpan.FromHours(1);
}
