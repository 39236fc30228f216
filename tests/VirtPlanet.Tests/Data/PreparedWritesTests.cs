using System.Globalization;
using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// A poll's new posts, an import's new feeds and a refreshed feed's row go to SQLite through PreparedWrites' own
/// statements, and are stored as EF Core's SaveChanges stores them.
/// </summary>
public sealed class PreparedWritesTests : IAsyncLifetime
{
    private readonly PlanetFactory planet = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await planet.DisposeAsync();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ANewPostIsStoredByteForByteAsSaveChangesStoresIt(bool titleOnly)
    {
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);
        await AssertInsertedAsSaveChangesInsertsAsync(
            Release(feed.Id, "tag:qemu.org,2017:2.10.0", titleOnly), Release(feed.Id, "tag:qemu.org,2017:2.10.0-copy", titleOnly), "Posts", 11, "EntryKey");
    }

    [Fact]
    public async Task AnImportedFeedIsStoredByteForByteAsSaveChangesStoresIt()
    {
        await AssertInsertedAsSaveChangesInsertsAsync(
            Subscription("https://www.qemu.org/feed.xml", "qemu"), Subscription("https://www.qemu.org/feed-copy.xml", "qemu-copy"), "Feeds", 17, "Url", "Slug");
    }

    [Fact]
    public async Task ARefreshedFeedsRowIsStoredByteForByteAsSaveChangesStoresIt()
    {
        var (viaSaveChanges, viaUpdate) = await StoreTwinFeedsAsync();

        string[] refreshed = [nameof(Feed.Title), nameof(Feed.ETag), nameof(Feed.LastFetchedAt), nameof(Feed.LastSuccessAt), nameof(Feed.LastError),
            nameof(Feed.ConsecutiveFailures), nameof(Feed.NextFetchAt), nameof(Feed.LeaseUntil), nameof(Feed.IsActive)];
        foreach (var feed in new[] { viaSaveChanges, viaUpdate })
        {
            (feed.Title, feed.ETag, feed.LastFetchedAt, feed.LastSuccessAt, feed.LastError) =
                ("QEMU – “Déjà vu” ✓", null, new DateTime(2017, 9, 1, 8, 0, 0, DateTimeKind.Utc).AddTicks(7), new DateTime(2017, 9, 1, 8, 0, 0, DateTimeKind.Utc), null);
            (feed.ConsecutiveFailures, feed.NextFetchAt, feed.LeaseUntil, feed.IsActive) = (0, new DateTime(2017, 9, 1, 9, 0, 0, DateTimeKind.Utc), null, true);
        }

        await using (var db = await planet.CreateDbContextAsync())
        {
            WriteQueue.AttachModified(db, viaSaveChanges, refreshed);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PreparedWrites.UpdateAsync(db, viaUpdate, refreshed, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await AssertStoredAlikeAsync(viaSaveChanges, viaUpdate, "Feeds", 17, "Url", "Slug");
    }

    [Fact]
    public async Task ARefreshWritesOnlyTheColumnsItChangedAndLeavesTheAdminsEditsMadeMeanwhile()
    {
        var feed = Subscription("https://www.qemu.org/feed.xml", "qemu");
        await using (var db = await planet.CreateDbContextAsync())
        {
            db.Feeds.Add(feed);
            await db.SaveChangesAsync();
            // The admin renames the feed while the poll holds its older copy of the row.
            await db.Feeds.Where(f => f.Id == feed.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.DisplayName, "QEMU"));
        }

        feed.LastError = "HTTP 500 Internal Server Error";
        await using (var db = await planet.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PreparedWrites.UpdateAsync(db, feed, [nameof(Feed.LastError)], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = await planet.CreateDbContextAsync();
        var stored = await read.Feeds.AsNoTracking().SingleAsync(f => f.Id == feed.Id);
        Assert.Equal(("QEMU", "HTTP 500 Internal Server Error"), (stored.DisplayName, stored.LastError));
    }

    [Fact]
    public async Task UpdatingTheRowOfAFeedRemovedMeanwhileFailsAsSaveChangesDoes()
    {
        var (removed, _) = await StoreTwinFeedsAsync();
        await using (var db = await planet.CreateDbContextAsync())
        {
            await db.Feeds.Where(f => f.Id == removed.Id).ExecuteDeleteAsync();
        }

        await using var write = await planet.CreateDbContextAsync();
        await using var transaction = await write.Database.BeginTransactionAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => PreparedWrites.UpdateAsync(write, removed, [nameof(Feed.LastError)], CancellationToken.None));
        Assert.Equal(1, await write.Feeds.CountAsync());
    }

    [Fact]
    public async Task EachOfAFeedsNewPostsLearnsTheIdOfItsOwnRow()
    {
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);
        Post[] posts = [Release(feed.Id, "tag:qemu.org,2017:2.9.0"), Release(feed.Id, "tag:qemu.org,2017:2.10.0"), Release(feed.Id, "tag:qemu.org,2017:2.11.0")];
        await using (var db = await planet.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PreparedWrites.InsertAsync(db, posts, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await using var read = await planet.CreateDbContextAsync();
        var stored = await read.Posts.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.EntryKey);
        Assert.Equal(3, posts.Select(p => p.Id).Distinct().Count());
        Assert.All(posts, post => Assert.Equal(post.EntryKey, stored[post.Id]));
    }

    [Fact]
    public async Task NewPostsAreInsertedOnlyInTheTransactionThatSavesTheirFeed()
    {
        var feed = await SeedPosts.SubscribeQemuAsync(planet.Services);
        await using var db = await planet.CreateDbContextAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => PreparedWrites.InsertAsync(db, [Release(feed.Id, "a")], CancellationToken.None));
        Assert.Equal(0, await db.Posts.CountAsync());
    }

    /// <summary>QEMU 2.10's release post with every column set (hidden, and dated to the tick), or with only what a title-only entry has.</summary>
    private static Post Release(int feedId, string entryKey, bool titleOnly = false) => new()
    {
        FeedId = feedId,
        EntryKey = entryKey,
        Title = "QEMU version 2.10.0 released – “Déjà vu” ✓",
        Link = titleOnly ? null : "https://www.qemu.org/2017/08/30/qemu-2-10/",
        Author = "Thomas Huth",
        ContentHtml = titleOnly ? null : "<p>We’d like to announce the availability of the QEMU 2.10.0 release.</p>",
        SummaryHtml = titleOnly ? null : "QEMU 2.10.0 is out",
        PublishedAt = new DateTime(2017, 8, 30, 20, 39, 0, DateTimeKind.Utc).AddTicks(1_234_567),
        UpdatedAt = titleOnly ? null : new DateTime(2017, 8, 31, 9, 0, 0, DateTimeKind.Utc),
        FirstSeenAt = new DateTime(2017, 8, 31, 10, 15, 30, DateTimeKind.Utc),
        IsHidden = !titleOnly,
        ContentHash = "5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8",
    };

    /// <summary>The QEMU blog as a feed that has been polled and failed once, with every column set.</summary>
    private static Feed Subscription(string url, string slug) => new()
    {
        Url = url,
        SiteUrl = "https://www.qemu.org/blog/",
        Title = "QEMU project blog",
        DisplayName = "QEMU – “Déjà vu” ✓",
        Slug = slug,
        AvatarUrl = "https://www.qemu.org/assets/qemu_head_200.png",
        CategoryFilter = "releases,kvm",
        ETag = "\"5e8c-5a1b\"",
        LastModified = "Wed, 30 Aug 2017 20:39:00 GMT",
        BodyHash = "5E884898DA28047151D0E56F8DC6292773603D0D6AABBDD62A11EF721D1542D8",
        LastFetchedAt = new DateTime(2017, 8, 31, 10, 15, 30, DateTimeKind.Utc).AddTicks(1_234_567),
        LastSuccessAt = new DateTime(2017, 8, 30, 10, 15, 30, DateTimeKind.Utc),
        LastError = "HTTP 503 Service Unavailable",
        ConsecutiveFailures = 1,
        NextFetchAt = new DateTime(2017, 8, 31, 11, 15, 30, DateTimeKind.Utc),
        LeaseUntil = new DateTime(2017, 8, 31, 10, 20, 30, DateTimeKind.Utc),
        IsActive = false,
        DeactivatedReason = "paused by the admin",
        CreatedAt = new DateTime(2017, 1, 2, 3, 4, 5, DateTimeKind.Utc),
    };

    /// <summary>Two feeds alike but for their URL and slug, stored through SaveChanges.</summary>
    private async Task<(Feed First, Feed Second)> StoreTwinFeedsAsync()
    {
        var twins = (Subscription("https://www.qemu.org/feed.xml", "qemu"), Subscription("https://www.qemu.org/feed-copy.xml", "qemu-copy"));
        await using var db = await planet.CreateDbContextAsync();
        db.Feeds.AddRange(twins.Item1, twins.Item2);
        await db.SaveChangesAsync();
        return twins;
    }

    /// <summary>Stores one row through SaveChanges and its twin through PreparedWrites' INSERT, then compares them.</summary>
    private async Task AssertInsertedAsSaveChangesInsertsAsync<TEntity>(TEntity viaSaveChanges, TEntity viaInsert, string table, int columns, params string[] differing)
        where TEntity : class
    {
        await using (var db = await planet.CreateDbContextAsync())
        {
            db.Add(viaSaveChanges);
            await db.SaveChangesAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await PreparedWrites.InsertAsync(db, [viaInsert], CancellationToken.None);
            await transaction.CommitAsync();
        }

        await AssertStoredAlikeAsync(viaSaveChanges, viaInsert, table, columns, differing);
    }

    /// <summary>
    /// The two rows hold the same values, column by column as SQLite holds them (but the key and the <paramref name="differing"/>
    /// columns), and the one PreparedWrites stored reads back as the object it was given.
    /// </summary>
    private async Task AssertStoredAlikeAsync<TEntity>(TEntity viaSaveChanges, TEntity viaPrepared, string table, int columnCount, params string[] differing)
        where TEntity : class
    {
        var key = typeof(TEntity).GetProperty("Id")!;
        Assert.NotEqual(0L, Convert.ToInt64(key.GetValue(viaPrepared), CultureInfo.InvariantCulture));
        var columns = ColumnsOf(table).Where(c => c != "Id" && !differing.Contains(c)).ToList();
        Assert.Equal(columnCount, columns.Count);
        long IdOf(TEntity row) => Convert.ToInt64(key.GetValue(row), CultureInfo.InvariantCulture);
        Assert.Equal(StoredRow(table, IdOf(viaSaveChanges), columns), StoredRow(table, IdOf(viaPrepared), columns));
        await using var read = await planet.CreateDbContextAsync();
        Assert.Equivalent(viaPrepared, await read.Set<TEntity>().FindAsync(key.GetValue(viaPrepared)), strict: true);
    }

    private List<string> ColumnsOf(string table) =>
        [.. ((string)Database.Scalar($"SELECT group_concat(name, char(10)) FROM pragma_table_info('{table}')")!).Split('\n')];

    /// <summary>Each column as SQLite holds it, a line each: its storage class and its value, quoted.</summary>
    private List<string> StoredRow(string table, long id, List<string> columns) =>
        [.. ((string)Database.Scalar(
            $"SELECT {string.Join(" || char(10) || ", columns.Select(c => $"typeof(\"{c}\") || ' ' || quote(\"{c}\")"))} FROM {table} WHERE Id = {id}")!).Split('\n')];

    private PlanetDatabaseFile Database => new(planet.DataDirectory);
}
