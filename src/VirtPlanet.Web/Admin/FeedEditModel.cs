using System.ComponentModel.DataAnnotations;

namespace VirtPlanet.Web.Admin;

/// <summary>What the admin may change about a feed. Its polling state is the poller's, never the form's.</summary>
public sealed class FeedEditModel
{
    [StringLength(200)]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "A slug is required: the feed's river lives at /feeds/{slug}.")]
    [StringLength(Feeds.Slug.MaxLength)]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens only, e.g. daniel-berrange.")]
    public string Slug { get; set; } = string.Empty;

    [HttpUrl]
    public string? SiteUrl { get; set; }

    [HttpUrl]
    public string? AvatarUrl { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Comma separated; empty keeps every entry.</summary>
    [StringLength(500)]
    public string? CategoryFilter { get; set; }

    /// <summary>"kvm, QEMU ,,kvm" becomes "kvm, QEMU": trimmed, no empty or repeated categories.</summary>
    public static string? NormaliseCategories(string? text)
    {
        var categories = (text ?? string.Empty)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return categories.Count == 0 ? null : string.Join(", ", categories);
    }
}
