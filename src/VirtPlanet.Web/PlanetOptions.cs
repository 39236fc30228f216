using System.ComponentModel.DataAnnotations;

namespace VirtPlanet.Web;

/// <summary>The planet itself: section <c>Planet</c>.</summary>
public sealed class PlanetOptions : IValidatableObject
{
    public const string Section = "Planet";

    /// <summary>Holds the planet database, Hangfire's database and the logs; created on first start.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    [Required]
    public string Title { get; set; } = "Blogging about open source virtualization";

    public string Subtitle { get; set; } = "News from QEMU, KVM, libvirt, libguestfs, virt-manager and related tools";

    /// <summary>The planet's public address: used in the User-Agent, feed ids and self links.</summary>
    [Required, Url]
    public string Link { get; set; } = "http://localhost:5000/";

    public string OwnerName { get; set; } = "Daniel Berrange";

    public string? OwnerEmail { get; set; }

    /// <summary>IANA or Windows time zone the river's dates and times are shown in.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How many of a newly added feed's entries enter the river (Planet's new_feed_items); 0 keeps all.</summary>
    [Range(0, int.MaxValue)]
    public int NewFeedItems { get; set; } = 5;

    /// <summary>Subscribe to the bundled virtualization planet list when the database has no feeds.</summary>
    public bool SeedDefaultFeeds { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Planet:TimeZone '{TimeZone}' is not a known time zone (use an IANA id such as Europe/Berlin)", [nameof(TimeZone)]);
        }
    }
}
