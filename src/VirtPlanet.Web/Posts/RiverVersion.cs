using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Posts;

/// <summary>
/// A cheap fingerprint of everything the reading pages show: the newest post, how many are visible, the last poll and
/// the subscriptions' own fields. It changes whenever a poll (or the admin) stores something new, and it is the same
/// on every instance running the same build and settings over the same database.
/// </summary>
public sealed class RiverVersion(
    IDbContextFactory<PlanetDbContext> dbFactory,
    SoftwareVersion software,
    DatabaseChanges changes,
    PostTotalsSource totals,
    IOptions<PlanetOptions> planet,
    IOptions<RiverOptions> river)
{
    private readonly string settings = JsonSerializer.Serialize(new { planet.Value.Title, planet.Value.Subtitle, planet.Value.TimeZone, river.Value.PostsPerPage, river.Value.DaysPerPage });

    // Recomputed only after a commit, not on every page view.
    private readonly Memo<string> memo = new(changes);

    public Task<string> ETagAsync(CancellationToken cancellationToken = default) => memo.GetAsync(ComputeAsync, cancellationToken);

    private async Task<string> ComputeAsync(CancellationToken cancellationToken)
    {
        var posts = await totals.GetAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feeds = await db.Feeds.AsNoTracking()
            .Select(f => new { f.Id, f.Slug, f.DisplayName, f.Title, f.SiteUrl, f.AvatarUrl, f.LastError, f.LastFetchedAt, f.LastSuccessAt })
            .ToListAsync(cancellationToken);
        var text = new StringBuilder().AppendJoin('|', software.Version, software.Build, settings, posts.LastPostId, posts.VisiblePosts);
        foreach (var feed in feeds)
        {
            text.Append('|').AppendJoin('\u001f', feed.Id, feed.Slug, feed.DisplayName, feed.Title, feed.SiteUrl, feed.AvatarUrl,
                feed.LastError, feed.LastFetchedAt?.Ticks, feed.LastSuccessAt?.Ticks);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
        return $"W/\"{hash}\"";
    }
}
