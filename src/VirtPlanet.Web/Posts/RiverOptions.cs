using System.ComponentModel.DataAnnotations;

namespace VirtPlanet.Web.Posts;

/// <summary>How the river pages: section <c>Planet:River</c>.</summary>
public sealed class RiverOptions
{
    public const string Section = "Planet:River";

    /// <summary>Posts per page (Planet's items_per_page).</summary>
    [Range(1, 500)]
    public int PostsPerPage { get; set; } = 30;

    /// <summary>When above 0, a page also stops after this many days (Planet's days_per_page); 0 means no day limit.</summary>
    [Range(0, 365)]
    public int DaysPerPage { get; set; }
}
