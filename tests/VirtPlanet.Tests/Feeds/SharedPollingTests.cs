using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>Two planet processes sharing one PostgreSQL database share the poll cycle through Hangfire.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedPollingTests(PostgresCluster postgres) : IAsyncLifetime
{
    private const int FeedCount = 200;
    private const int EntriesPerFeed = 5;
    private static readonly DateTime Newest = new(2017, 9, 8, 7, 24, 0, DateTimeKind.Utc);
    private FeedServer server = null!;
    private string connectionString = null!;

    public async Task InitializeAsync()
    {
        connectionString = await postgres.CreateDatabaseAsync();
        server = await FeedServer.StartAsync(app => app.MapGet("/feeds/{n:int}.xml", async (int n, HttpContext context, CancellationToken token) =>
        {
            // Slow enough that a cycle is surely still running when an instance is killed.
            await Task.Delay(TimeSpan.FromMilliseconds(200), token);
            // Fetched once an hour at most: every fetch the log shows belongs to a cycle the test started.
            context.Response.Headers.CacheControl = "max-age=3600";
            return Results.Text(AtomFeed.WithEntries($"Blog {n}", EntriesPerFeed, Newest.AddMinutes(-n)), "application/atom+xml");
        }));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task TwoInstancesFetchEachFeedOnceStoreEachPostOnceAndSurviveTheDeathOfOne()
    {
        await using var first = StartInstance();
        await using var second = StartInstance();
        await Task.WhenAll(first.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)), second.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90)));
        await SubscribeAsync();

        var firstCycle = await TriggerCycleAsync();
        await WaitUntilFetchedSinceAsync(firstCycle, first, second);

        Assert.All(Fetches(), f => Assert.Equal(1, f.Value));
        Assert.Equal(FeedCount, Fetches().Count);
        Assert.Equal(2, await ScalarAsync<long>("SELECT COUNT(DISTINCT data::jsonb->>'ServerId') FROM hangfire.state WHERE name = 'Processing'"));
        await AssertEachPostStoredOnceAsync();
        Assert.Equal(await ETagAsync(first, "/"), await ETagAsync(second, "/"));
        Assert.Equal(await ETagAsync(first, "/atom.xml"), await ETagAsync(second, "/atom.xml"));
        Assert.Equal(await first.Client.GetStringAsync("/atom.xml"), await second.Client.GetStringAsync("/atom.xml"));

        // The second cycle: one instance dies with feeds in hand; their jobs reappear and the survivor finishes them.
        await ExecuteAsync("UPDATE \"Feeds\" SET \"NextFetchAt\" = now()");
        var before = server.RequestLog.Count;
        var secondCycle = await TriggerCycleAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (server.RequestLog.Count < before + (FeedCount / 4) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await first.KillAsync();
        await WaitUntilFetchedSinceAsync(secondCycle, second);

        var refetched = server.RequestLog.Skip(before).GroupBy(r => r).Count(g => g.Count() > 1);
        Assert.Equal(FeedCount, server.RequestLog.Skip(before).Distinct().Count());
        Assert.InRange(refetched, 0, 9); // at most the feeds the killed instance's 9 workers held
        await AssertEachPostStoredOnceAsync();
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM \"Feeds\" WHERE \"LastError\" IS NOT NULL"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await second.Client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task HangfireLocksLeftByAnInstanceThatDiedHoldItsJobsNoLongerThanTheInvisibilityTimeout()
    {
        await using var instance = StartInstance();
        await instance.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        await SubscribeAsync();

        // An instance killed while it changed a job's state leaves the job's state lock behind, a row in hangfire.lock.
        // Here the dead instance held the locks of the next six jobs: the poll cycle's and the first feeds'.
        var next = await ScalarAsync<long>("SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM hangfire.job_id_seq");
        for (var id = next; id < next + 6; id++)
        {
            await ExecuteAsync($"INSERT INTO hangfire.lock (resource, acquired) VALUES ('hangfire:job:{id}:state-lock', now())");
        }

        var cycle = await TriggerCycleAsync();
        await WaitUntilFetchedSinceAsync(cycle, instance);

        Assert.Equal(FeedCount, Fetches().Count);
        Assert.All(Fetches(), f => Assert.Equal(1, f.Value));
        await AssertEachPostStoredOnceAsync();
    }

    private static async Task<string?> ETagAsync(PlanetInstance instance, string path)
    {
        using var response = await instance.Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return response.Headers.ETag?.ToString();
    }

    private PlanetInstance StartInstance() => PlanetInstance.Start(
        "--Planet:Database:Provider=PostgreSql",
        $"--Planet:Database:ConnectionString={connectionString}",
        // Longer than the lease, as in production (5 min against 2): a dead instance's job runs again once its lease is gone.
        "--Planet:Database:JobInvisibilityTimeout=00:00:08",
        "--Planet:SeedDefaultFeeds=false",
        "--Planet:NewFeedItems=0",
        "--Planet:Fetch:AllowPrivateAddresses=true",
        "--Planet:Polling:Cron=0 0 1 1 *",
        "--Planet:Polling:PollOnStart=false",
        "--Planet:Polling:Lease=00:00:05",
        "--Planet:Polling:MaxParallelism=8");

    private Dictionary<string, int> Fetches() => server.RequestLog.GroupBy(r => r).ToDictionary(g => g.Key, g => g.Count());

    private async Task SubscribeAsync()
    {
        await using var db = Db();
        var now = DateTime.UtcNow;
        db.Feeds.AddRange(Enumerable.Range(0, FeedCount).Select(n => new Feed
        {
            Url = server.Url($"/feeds/{n}.xml").AbsoluteUri,
            Slug = $"blog-{n}",
            CreatedAt = now,
            NextFetchAt = now,
        }));
        await db.SaveChangesAsync();
    }

    /// <summary>Starts the recurring poll cycle now, as the dashboard's "Trigger now" does; returns when it started.</summary>
    private async Task<DateTime> TriggerCycleAsync()
    {
        var started = await ScalarAsync<DateTime>("SELECT now()");
        var options = new PostgreSqlStorageOptions { SchemaName = DatabaseServices.HangfireSchema, PrepareSchemaIfNecessary = false };
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
        new RecurringJobManager(storage).Trigger(PollCycleJob.RecurringJobId);
        return started;
    }

    private async Task WaitUntilFetchedSinceAsync(DateTime cycle, params PlanetInstance[] instances)
    {
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = Db();
            if (!await db.Feeds.AnyAsync(f => f.LastFetchedAt == null || f.LastFetchedAt < cycle))
            {
                return;
            }

            await Task.Delay(200);
        }

        await using var stuck = Db();
        var left = await stuck.Feeds.CountAsync(f => f.LastFetchedAt == null || f.LastFetchedAt < cycle);
        var jobs = await stuck.Database.SqlQueryRaw<string>(
            "SELECT concat(s, ': ', count(*)) AS \"Value\" FROM (SELECT concat(j.statename, ' fetched=', q.fetchedat IS NOT NULL, " +
            "' queued=', q.id IS NOT NULL) AS s FROM hangfire.job j LEFT JOIN hangfire.jobqueue q ON q.jobid = j.id) t GROUP BY s ORDER BY s").ToListAsync();
        var stuckJobs = await stuck.Database.SqlQueryRaw<string>(
            "SELECT concat('job ', q.jobid, ' fetched ', round(extract(epoch FROM now() - q.fetchedat)), ' s ago, states: ', " +
            "(SELECT string_agg(s.name || coalesce(' on ' || (s.data::jsonb->>'ServerId'), ''), ' > ' ORDER BY s.id) FROM hangfire.state s WHERE s.jobid = q.jobid)) AS \"Value\" " +
            "FROM hangfire.jobqueue q WHERE q.fetchedat IS NOT NULL").ToListAsync();
        var locks = await stuck.Database.SqlQueryRaw<string>(
            "SELECT concat(resource, ' taken ', round(extract(epoch FROM now() - acquired)), ' s ago') AS \"Value\" FROM hangfire.lock").ToListAsync();
        var sessions = await stuck.Database.SqlQueryRaw<string>(
            "SELECT concat(state, ' for ', round(extract(epoch FROM now() - coalesce(xact_start, state_change))), ' s: ', left(query, 120)) AS \"Value\" " +
            "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'").ToListAsync();
        Assert.Fail(
            $"the cycle started at {cycle:O} did not fetch every feed within 120 s: {left} left; Hangfire jobs: {string.Join("; ", jobs)}; " +
            $"fetched: {string.Join("; ", stuckJobs)}; locks: {string.Join("; ", locks)}; busy sessions: {string.Join("; ", sessions)}; " +
            $"servers: {string.Join("; ", await stuck.Database.SqlQueryRaw<string>("SELECT concat(id, ' seen ', round(extract(epoch FROM now() - lastheartbeat)), ' s ago') AS \"Value\" FROM hangfire.server").ToListAsync())}; " +
            $"instances' warnings and errors: {string.Join(" | ", instances.SelectMany(i => i.LoggedProblems()).TakeLast(40))}");
    }

    private async Task AssertEachPostStoredOnceAsync()
    {
        Assert.Equal(FeedCount * EntriesPerFeed, await ScalarAsync<long>("SELECT COUNT(*) FROM \"Posts\""));
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM (SELECT 1 FROM \"Posts\" GROUP BY \"FeedId\", \"EntryKey\" HAVING COUNT(*) > 1) d"));
    }

    private PlanetDbContext Db() => new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql(connectionString).Options);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var db = Db();
        return await db.Database.SqlQueryRaw<T>(string.Concat("SELECT (", sql, ") AS \"Value\"")).SingleAsync();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = Db();
        await db.Database.ExecuteSqlRawAsync(sql);
    }
}
