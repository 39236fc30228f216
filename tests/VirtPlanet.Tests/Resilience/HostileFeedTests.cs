using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// One poll over the whole hostile corpus plus a good feed: every hostile feed fails alone with a clear
/// error (or keeps a sane subset of entries), the good feed is stored, the site renders (memory: <see cref="HostileFeedMemoryTests"/>).
/// </summary>
public sealed class HostileFeedTests : IClassFixture<HostileFeedTests.PolledPlanet>
{
    private readonly PolledPlanet polled;

    public HostileFeedTests(PolledPlanet polled) => this.polled = polled;

    public static TheoryData<string, string?, int> Cases => HostileFeeds.Cases;

    [Theory]
    [MemberData(nameof(Cases))]
    public void AHostileFeedFailsAloneWithAClearErrorOrASaneSubset(string path, string? error, int posts)
    {
        var feed = polled.Feeds[path];

        if (posts == HostileFeeds.ErrorOrPosts)
        {
            Assert.True(feed.LastError is not null || feed.Posts > 0, $"{path}: neither an error nor posts");
        }
        else if (error is not null)
        {
            Assert.NotNull(feed.LastError);
            Assert.Contains(error, feed.LastError, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(posts, feed.Posts);
        }
        else
        {
            Assert.True(feed.LastError is null, $"{path}: {feed.LastError}");
            Assert.Equal(posts, feed.Posts);
        }
    }

    [Fact]
    public void TheGoodFeedInTheSamePollIsStoredNormally()
    {
        var good = polled.Feeds["/good.xml"];

        Assert.Null(good.LastError);
        Assert.Equal(3, good.Posts);
    }

    [Fact]
    public async Task NoStoredTitleOrContentCarriesALocalFileOrAFetchedEntity()
    {
        await using var db = await polled.Planet.Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();

        var leaks = await db.Posts.CountAsync(p => p.Title.Contains("TOP-SECRET") || (p.ContentHtml != null && p.ContentHtml.Contains("TOP-SECRET")));

        Assert.Equal(0, leaks);
    }

    [Fact]
    public async Task TheSiteStillRendersAfterThePoll()
    {
        var response = await polled.Planet.CreateClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public sealed record FeedState(string? LastError, int Posts);

    /// <summary>The planet after one poll of the corpus, shared by the assertions (the poll is the expensive part).</summary>
    public sealed class PolledPlanet : IAsyncLifetime
    {
        private FeedServer server = null!;

        public PlanetFactory Planet { get; } = new(new()
        {
            ["Planet:NewFeedItems"] = "0",
            // Long enough for a fetch to finish while the CPU-heavy hostile posts of the same poll take both cores.
            ["Planet:Fetch:Timeout"] = "00:00:10",
            ["Planet:Polling:MaxParallelism"] = "8",
            ["Planet:Content:CleaningTimeLimit"] = "00:00:05",
        });

        public Dictionary<string, FeedState> Feeds { get; } = [];

        public async Task InitializeAsync()
        {
            server = await FeedServer.StartAsync(app =>
            {
                HostileFeeds.Map(app);
                app.MapGet("/good.xml", () => Results.Text(AtomFeed.WithEntries("Good blog", 3, new DateTime(2017, 9, 1, 0, 0, 0, DateTimeKind.Utc)), "application/atom+xml"));
            });
            var paths = HostileFeeds.Cases.Select(c => (string)c[0]).Append("/good.xml").ToList();
            var subscriptions = Planet.Services.GetRequiredService<FeedSubscriptions>();
            await subscriptions.ImportAsync(paths.Select(p => new OpmlOutline(server.Url(p).AbsoluteUri, p, null)).ToList());

            // A hang guard, not a speed target: the poll takes seconds, and a feed that burns a core for minutes fails here.
            await Planet.Services.GetRequiredService<PollFeedsJob>().PollAllAsync(CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(1));

            await using var db = await Planet.Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();
            var rows = await db.Feeds.Select(f => new { f.Url, f.LastError, Posts = f.Posts.Count(p => !p.IsHidden) }).ToListAsync();
            foreach (var row in rows)
            {
                Feeds[new Uri(row.Url).AbsolutePath] = new FeedState(row.LastError, row.Posts);
            }
        }

        public async Task DisposeAsync()
        {
            await server.DisposeAsync();
            await Planet.DisposeAsync();
        }
    }
}
