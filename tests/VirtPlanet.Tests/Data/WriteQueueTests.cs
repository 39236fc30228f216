using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// Many feeds' writes share SQLite transactions: each caller still gets its own answer, a write is on disk when its
/// call returns, a write that fails takes no other write down with it, and an all-or-nothing write (a feed's new
/// posts with its row) that fails leaves nothing of itself behind.
/// </summary>
public sealed class WriteQueueTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();
    private List<int> feedIds = [];

    public async Task InitializeAsync()
    {
        await using var db = await planet.CreateDbContextAsync();
        var feeds = Enumerable.Range(0, 40).Select(i => new Feed { Url = $"https://blog-{i}.example.org/feed.xml", Slug = $"blog-{i}" }).ToList();
        db.Feeds.AddRange(feeds);
        await db.SaveChangesAsync();
        feedIds = feeds.Select(f => f.Id).ToList();
    }

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Fact]
    public async Task ConcurrentLeasesEachGetTheirOwnAnswerAndOnlyOneCallerWinsAFeed()
    {
        var lease = planet.Services.GetRequiredService<FeedLease>();

        // Two callers race for every feed, all at once: the writes queue up and share transactions.
        var attempts = feedIds.Concat(feedIds).Select(id => (Id: id, Taken: lease.TryTakeAsync(id, CancellationToken.None))).ToList();
        await Task.WhenAll(attempts.Select(a => a.Taken));

        Assert.All(attempts.GroupBy(a => a.Id), g => Assert.Equal(1, g.Count(a => a.Taken.Result)));
        var file = new PlanetDatabaseFile(planet.DataDirectory);
        Assert.Equal((long)feedIds.Count, file.Scalar("SELECT COUNT(*) FROM Feeds WHERE LeaseUntil IS NOT NULL"));
    }

    [Fact]
    public async Task AFailingWriteFailsAloneAndTheOthersAreCommitted()
    {
        var writes = planet.Services.GetRequiredService<WriteQueue>();

        var renames = feedIds.Select(id => writes.RunAsync(
            (db, token) => db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Title, $"Renamed {id}"), token),
            CancellationToken.None)).ToList();
        // A second feed with the first one's slug breaks the slug's unique index.
        var duplicate = writes.RunAsync(
            (db, token) => db.Feeds.Where(f => f.Id == feedIds[1]).ExecuteUpdateAsync(s => s.SetProperty(f => f.Slug, "blog-0"), token),
            CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => duplicate);
        Assert.All(await Task.WhenAll(renames), changed => Assert.Equal(1, changed));
        await using var db = await planet.CreateDbContextAsync();
        Assert.All(await db.Feeds.ToListAsync(), f => Assert.Equal($"Renamed {f.Id}", f.Title));
        Assert.Equal("blog-1", (await db.Feeds.SingleAsync(f => f.Id == feedIds[1])).Slug);
    }

    [Fact]
    public async Task RowSavesAreCommittedTogetherAndABadRowFailsAlone()
    {
        var writes = planet.Services.GetRequiredService<WriteQueue>();
        List<Feed> feeds;
        await using (var read = await planet.CreateDbContextAsync())
        {
            feeds = await read.Feeds.AsNoTracking().OrderBy(f => f.Id).ToListAsync();
        }

        feeds.ForEach(f => f.Title = $"Renamed {f.Id}");
        // The second feed takes the first one's slug: the unique index refuses that row, and only that row.
        feeds[1].Slug = "blog-0";
        var saves = feeds.Select(f => writes.SaveAsync(f, f == feeds[1] ? [nameof(Feed.Title), nameof(Feed.Slug)] : [nameof(Feed.Title)], CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => saves[1]);
        await Task.WhenAll(saves.Where((_, i) => i != 1));
        await using var db = await planet.CreateDbContextAsync();
        var stored = await db.Feeds.OrderBy(f => f.Id).ToListAsync();
        Assert.All(stored.Where(f => f.Id != feeds[1].Id), f => Assert.Equal($"Renamed {f.Id}", f.Title));
        Assert.Equal(("blog-1", null), (stored[1].Slug, stored[1].Title));
    }

    [Fact]
    public async Task AnAllOrNothingWriteThatFailsStoresNoneOfItsStatementsAndEveryOtherWriteIsCommitted()
    {
        var writes = planet.Services.GetRequiredService<WriteQueue>();
        var broken = feedIds[feedIds.Count / 2];

        // A burst, so that the writes share transactions: all-or-nothing writes of two statements each (a title, then a
        // display name), and between them single renames. The broken one's second statement takes feed 0's slug,
        // which the unique index refuses after its first statement has run.
        var all = feedIds.Select(id => id % 2 == 0 || id == broken
            ? writes.RunAtomicAsync(
                async (db, token) =>
                {
                    await db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Title, $"Renamed {id}"), token);
                    await (id == broken
                        ? db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Slug, "blog-0"), token)
                        : db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DisplayName, $"Shown {id}"), token));
                },
                CancellationToken.None)
            : writes.RunAsync(
                (db, token) => db.Feeds.Where(f => f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Title, $"Renamed {id}"), token),
                CancellationToken.None)).ToList();

        await Assert.ThrowsAnyAsync<Exception>(() => all[feedIds.IndexOf(broken)]);
        await Task.WhenAll(all.Where((_, i) => feedIds[i] != broken));
        await using var db = await planet.CreateDbContextAsync();
        var stored = await db.Feeds.ToDictionaryAsync(f => f.Id);
        Assert.Equal((null, $"blog-{feedIds.IndexOf(broken)}"), (stored[broken].Title, stored[broken].Slug));
        Assert.All(feedIds.Where(id => id != broken), id => Assert.Equal($"Renamed {id}", stored[id].Title));
        Assert.All(feedIds.Where(id => id != broken && id % 2 == 0), id => Assert.Equal($"Shown {id}", stored[id].DisplayName));
    }
}
