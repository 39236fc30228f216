using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;
using Xunit.Abstractions;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// A bounded load run over the loopback: 64 connections for 10 s against the river, a feed page and the Atom
/// output of a live planet, while polls of 50 feeds keep writing new posts. No timing is asserted, only that
/// every request is answered without a server error; the rate goes to the test output.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int FeedCount = 50;
    private const int Connections = 64;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(10);
    private static readonly DateTime Newest = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private int generation;
    private FeedServer feeds = null!;
    private LivePlanet planet = null!;

    public async Task InitializeAsync()
    {
        // Every poll finds five new entries per feed, so each one writes.
        feeds = await FeedServer.StartAsync(app => app.MapGet("/feeds/{n:int}.xml", async (int n, CancellationToken token) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), token);
            var g = Volatile.Read(ref generation);
            var entries = Enumerable.Range(0, 5).Select(i => ($"urn:load:{n}:{g}:{i}", $"Post {g}.{i} of blog {n}", Newest.AddHours(g).AddMinutes(-i), $"<p>Generation {g}, post {i}</p>"));
            return Results.Text(AtomFeed.With($"Blog {n}", entries), "application/atom+xml");
        }));
        planet = LivePlanet.Start(new() { ["Planet:NewFeedItems"] = "0", ["Planet:Polling:MaxParallelism"] = "4" });
        await planet.Services.GetRequiredService<FeedSubscriptions>().ImportAsync(
            Enumerable.Range(0, FeedCount).Select(n => new OpmlOutline(feeds.Url($"/feeds/{n}.xml").AbsoluteUri, $"Blog {n}", null)).ToList());
    }

    public async Task DisposeAsync()
    {
        await planet.DisposeAsync();
        await feeds.DisposeAsync();
    }

    [Fact]
    public async Task TheRiverAFeedPageAndAtomAnswerSixtyFourConnectionsWithoutErrorsWhileAPollRuns()
    {
        var poller = planet.Services.GetRequiredService<PollFeedsJob>();
        using var stop = new CancellationTokenSource();
        var polls = Task.Run(async () =>
        {
            var count = 0;
            while (!stop.IsCancellationRequested)
            {
                await poller.PollAllAsync(CancellationToken.None);
                Interlocked.Increment(ref generation);
                count++;
            }

            return count;
        });

        var run = await LoadRun.RunAsync(planet.BaseUri, ["/", "/feeds/blog-7", "/atom.xml"], Connections, Duration);
        await stop.CancelAsync();
        var pollCount = await polls;

        output.WriteLine($"Load: {run}");
        output.WriteLine($"Polls finished meanwhile: {pollCount}");
        Assert.Empty(run.Errors);
        Assert.Equal([200], run.Statuses.Keys);
        Assert.True(pollCount >= 1, "no poll ran during the load");
    }
}
