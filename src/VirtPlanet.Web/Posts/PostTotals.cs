using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Posts;

/// <summary>The newest post's id and how many posts are visible: the posts' part of the pages' and the outputs' fingerprints.</summary>
public sealed record PostTotals(long LastPostId, int VisiblePosts);

/// <summary>
/// Reads <see cref="PostTotals"/> once per commit for both fingerprints (<see cref="RiverVersion"/> and the outputs'
/// version): the count walks an index of every post (≈ 90 ms at 1,000,000 posts), so it is not done twice.
/// </summary>
public sealed class PostTotalsSource(IDbContextFactory<PlanetDbContext> dbFactory, DatabaseChanges changes)
{
    private readonly Memo<PostTotals> memo = new(changes);

    public Task<PostTotals> GetAsync(CancellationToken cancellationToken) => memo.GetAsync(ComputeAsync, cancellationToken);

    private async Task<PostTotals> ComputeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return new PostTotals(
            await db.Posts.MaxAsync(p => (long?)p.Id, cancellationToken) ?? 0,
            await db.Posts.CountAsync(p => !p.IsHidden, cancellationToken));
    }
}
