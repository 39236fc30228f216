using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;
using VirtPlanet.Web.Syndication;

namespace VirtPlanet.Tests.Syndication;

/// <summary>Feeds and posts a test stores straight through the planet's own DbContext.</summary>
public static class SyndicationData
{
    public static readonly DateTime Subscribed = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static Feed Feed(string slug, string name, bool isActive = true) => new()
    {
        Url = $"https://{slug}.example.org/feed.xml",
        SiteUrl = $"https://{slug}.example.org/",
        Slug = slug,
        Title = name,
        DisplayName = name,
        IsActive = isActive,
        CreatedAt = Subscribed,
        NextFetchAt = Subscribed,
    };

    /// <summary>A post of the feed whose key is its link, unless a key is given.</summary>
    public static Post Post(Feed feed, string title, string author, DateTime published, string? key = null, string? content = null)
    {
        var link = $"{feed.SiteUrl}{Slug.From(XmlChars.ForOutput(title))}.html";
        var post = new Post
        {
            EntryKey = key ?? link,
            Title = title,
            Link = link,
            Author = author,
            ContentHtml = content ?? ContentOf(title, link, author),
            PublishedAt = published,
            FirstSeenAt = published,
            ContentHash = Guid.NewGuid().ToString("N"),
        };
        feed.Posts.Add(post);
        return post;
    }

    /// <summary>The visible posts of <see cref="StorePlanetAsync"/>, newest first.</summary>
    public static readonly (string Title, string Link, string Author, DateTime Published, DateTime Updated)[] VisiblePosts =
    [
        ("QEMU 9.0 released", "https://qemu.example.org/qemu-9-0-released.html", "Thomas Huth", Utc(2024, 4, 23, 10), Utc(2024, 4, 23, 10)),
        ("KVM Forum", "https://qemu.example.org/kvm-forum.html", "Paolo Bonzini", Utc(2024, 3, 1, 9), Utc(2024, 3, 2, 8)),
        ("libvirt and LXC", "https://bosdonnat.example.org/libvirt-and-lxc.html", "Cédric Bosdonnat", Utc(2024, 2, 1, 18), Utc(2024, 2, 1, 18)),
    ];

    /// <summary>
    /// Two feeds (the second no longer polled) with three visible posts whose keys are a link, a bare number and a
    /// tag IRI, and one hidden post that must never be published.
    /// </summary>
    public static Task StorePlanetAsync(this PlanetFactory planet)
    {
        var qemu = Feed("qemu", "QEMU project");
        var cedric = Feed("bosdonnat", "Cédric's blog", isActive: false);
        Post(qemu, "QEMU 9.0 released", "Thomas Huth", Utc(2024, 4, 23, 10));
        Post(qemu, "KVM Forum", "Paolo Bonzini", Utc(2024, 3, 1, 9), key: "42").UpdatedAt = Utc(2024, 3, 2, 8);
        Post(cedric, "libvirt and LXC", "Cédric Bosdonnat", Utc(2024, 2, 1, 18), key: "tag:bosdonnat.example.org,2024:lxc");
        Post(qemu, "Old secret", "Thomas Huth", Utc(2024, 5, 1, 0)).IsHidden = true;
        return planet.StoreAsync(qemu, cedric);
    }

    public static string ContentOf(string title, string link, string author) => $"<p>{title}, by <a href=\"{link}\">{author}</a> &amp; friends.</p>";

    public static DateTime Utc(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    public static async Task StoreAsync(this PlanetFactory planet, params Feed[] feeds)
    {
        await using var db = await planet.CreateDbContextAsync();
        db.Feeds.AddRange(feeds);
        await db.SaveChangesAsync();
    }

    public static async Task AddPostAsync(this PlanetFactory planet, string feedSlug, Func<Feed, Post> post)
    {
        await using var db = await planet.CreateDbContextAsync();
        post(await db.Feeds.SingleAsync(f => f.Slug == feedSlug));
        await db.SaveChangesAsync();
    }
}
