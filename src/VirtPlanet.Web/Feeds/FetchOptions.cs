using System.ComponentModel.DataAnnotations;

namespace VirtPlanet.Web.Feeds;

/// <summary>How feeds are fetched: section <c>Planet:Fetch</c>.</summary>
public sealed class FetchOptions
{
    public const string Section = "Planet:Fetch";

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The whole request, body included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Bodies larger than this (after decompression) are refused while streaming.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>
    /// Allow feeds on loopback, private, link-local and cloud-metadata addresses. Off by default
    /// (SSRF guard); on for a planet of an intranet, and for tests against a loopback server.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}
