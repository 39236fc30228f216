using Microsoft.Extensions.Options;
using VirtPlanet.Web;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Components;

/// <summary>Feeds and posts from the seed snapshot, shaped as the river shows them.</summary>
public static class RiverSamples
{
    public static readonly RiverFeed Cornelia = new(1, "cornelia-huck", "Cornelia Huck", "https://people.redhat.com/~cohuck/feed.xml", "https://people.redhat.com/~cohuck/", null, null);

    public static readonly RiverFeed Qemu = new(2, "qemu-project", "QEMU project", "https://www.qemu.org/feed.xml", "https://www.qemu.org/blog/", "https://planet.virt-tools.org/images/qemu.png", null);

    public static readonly RiverFeed Nathan = new(3, "nathan-gauer", "Nathan Gauër", "https://www.studiopixl.com/feeds/rss", "https://www.studiopixl.com/", null, null);

    public static RiverPost Post(long id, RiverFeed feed, string title, string utc, string author = "", string? content = "<p>Text.</p>", string zone = "UTC") =>
        new(id, feed, title, $"https://example.org/{id}", author, content, ZoneOf(zone).ToLocal(DateTime.Parse(utc, null, System.Globalization.DateTimeStyles.AdjustToUniversal)));

    public static PlanetTimeZone ZoneOf(string id) => new(Options.Create(new PlanetOptions { TimeZone = id }));
}
