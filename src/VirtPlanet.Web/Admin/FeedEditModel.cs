using System.ComponentModel.DataAnnotations;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>What the admin may change about a feed. Its polling state is the poller's, never the form's.</summary>
public sealed class FeedEditModel : IValidatableObject
{
    [StringLength(200)]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "A slug is required: the feed's river lives at /feeds/{slug}.")]
    [StringLength(Feeds.Slug.MaxLength)]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Use lower-case letters, digits and single hyphens only, e.g. daniel-berrange.")]
    public string Slug { get; set; } = string.Empty;

    public string? SiteUrl { get; set; }

    public string? AvatarUrl { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Comma separated; empty keeps every entry.</summary>
    [StringLength(500)]
    public string? CategoryFilter { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (value, name) in new[] { (SiteUrl, nameof(SiteUrl)), (AvatarUrl, nameof(AvatarUrl)) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !FeedSubscriptions.TryNormalise(value, out _, out _))
            {
                yield return new ValidationResult("Enter an absolute http:// or https:// address, or leave it empty.", [name]);
            }
        }
    }

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
