using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Posts;

/// <summary>
/// A cheap fingerprint of everything the reading pages show: the newest post, how many are visible, the last poll and
/// the subscriptions' own fields. It changes whenever a poll (or the admin) stores something new.
/// </summary>
public sealed class RiverVersion(IDbContextFactory<PlanetDbContext> dbFactory, SoftwareVersion software, DatabaseChanges changes)
{
    // Counting the visible posts reads every row: done again only after a commit, not on every page view.
    private readonly Memo<string> memo = new(changes);

    public Task<string> ETagAsync(CancellationToken cancellationToken = default) => memo.GetAsync(ComputeAsync, cancellationToken);

    private async Task<string> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var maxPostId = await db.Posts.MaxAsync(p => (long?)p.Id, cancellationToken) ?? 0;
        var visible = await db.Posts.CountAsync(p => !p.IsHidden, cancellationToken);
        var feeds = await db.Feeds.AsNoTracking()
            .Select(f => new { f.Id, f.Slug, f.DisplayName, f.Title, f.SiteUrl, f.AvatarUrl, f.LastError, f.LastFetchedAt, f.LastSuccessAt })
            .ToListAsync(cancellationToken);
        var text = new StringBuilder().AppendJoin('|', software.Version, software.Instance, maxPostId, visible);
        foreach (var feed in feeds)
        {
            text.Append('|').AppendJoin('\u001f', feed.Id, feed.Slug, feed.DisplayName, feed.Title, feed.SiteUrl, feed.AvatarUrl,
                feed.LastError, feed.LastFetchedAt?.Ticks, feed.LastSuccessAt?.Ticks);
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 12);
        return $"W/\"{hash}\"";
    }
}
