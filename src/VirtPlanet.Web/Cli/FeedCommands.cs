using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Syndication;

namespace VirtPlanet.Web.Cli;

/// <summary>The verbs that manage and poll the subscription list.</summary>
public sealed class FeedCommands(
    TextWriter output,
    PreparedDatabase database,
    FeedSubscriptions subscriptions,
    FeedFetcher fetcher,
    PollFeedsJob poller,
    IDbContextFactory<PlanetDbContext> dbFactory,
    IOptions<PlanetOptions> options,
    TimeProvider time)
{
    public async Task<int> ImportOpmlAsync(string? source, CancellationToken cancellationToken)
    {
        var outlines = await ReadOpmlAsync(source ?? throw new UsageException("usage: import-opml FILE-OR-URL"), cancellationToken);
        await database.Ready;
        var results = await subscriptions.ImportAsync(outlines, cancellationToken);
        foreach (var result in results)
        {
            await output.WriteLineAsync($"{result.Status,-9} {result.Url}{(result.Error is null ? string.Empty : $": {result.Error}")}");
        }

        await output.WriteLineAsync($"{results.Count(r => r.Status == SubscribeStatus.Added)} added, " +
            $"{results.Count(r => r.Status == SubscribeStatus.Duplicate)} already subscribed, {results.Count(r => r.Status == SubscribeStatus.Invalid)} invalid");
        return 0;
    }

    public async Task<int> ExportOpmlAsync(string? file, CancellationToken cancellationToken)
    {
        await database.Ready;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feeds = await db.Feeds.AsNoTracking().ToListAsync(cancellationToken);
        await using var stream = file is null ? Console.OpenStandardOutput() : File.Create(file);
        await OpmlWriter.WriteAsync(stream, options.Value.Title, options.Value.OwnerName, feeds, time.GetUtcNow().UtcDateTime, cancellationToken);
        return 0;
    }

    public async Task<int> AddFeedAsync(string? url, CancellationToken cancellationToken)
    {
        await database.Ready;
        var result = await subscriptions.AddAsync(new OpmlOutline(url ?? throw new UsageException("usage: add-feed URL"), null, null), cancellationToken);
        await output.WriteLineAsync(result.Status switch
        {
            SubscribeStatus.Added => $"Added {result.Url} as '{result.Feed!.Slug}'",
            SubscribeStatus.Duplicate => $"Already subscribed: {result.Url} ('{result.Feed!.Slug}')",
            _ => $"Refused: {result.Error}",
        });
        return result.Status == SubscribeStatus.Invalid ? 2 : 0;
    }

    public async Task<int> RemoveFeedAsync(string? urlOrSlug, CancellationToken cancellationToken)
    {
        await database.Ready;
        var feed = await subscriptions.FindAsync(urlOrSlug ?? throw new UsageException("usage: remove-feed URL-OR-SLUG"), cancellationToken);
        if (feed is null)
        {
            await output.WriteLineAsync($"No feed has the URL or slug '{urlOrSlug}'");
            return 2;
        }

        await subscriptions.RemoveAsync(feed.Id, cancellationToken);
        await output.WriteLineAsync($"Removed {feed.Url} ('{feed.Slug}') and its posts");
        return 0;
    }

    public async Task<int> ListFeedsAsync(CancellationToken cancellationToken)
    {
        await database.Ready;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feeds = await db.Feeds.AsNoTracking().OrderBy(f => f.Slug)
            .Select(f => new { Feed = f, Posts = f.Posts.Count(p => !p.IsHidden) })
            .ToListAsync(cancellationToken);
        foreach (var row in feeds)
        {
            var f = row.Feed;
            var status = !f.IsActive ? $"inactive: {f.DeactivatedReason}"
                : f.LastError is not null ? $"failing ({f.ConsecutiveFailures}x): {f.LastError}"
                : f.LastSuccessAt is null ? "never polled" : $"ok, last success {f.LastSuccessAt:u}";
            await output.WriteLineAsync($"{f.Slug,-30} {row.Posts,5} posts  {f.Url}  [{status}]");
        }

        await output.WriteLineAsync($"{feeds.Count} feeds");
        return 0;
    }

    public async Task<int> PollOnceAsync(string? opml, CancellationToken cancellationToken)
    {
        if (opml is not null)
        {
            await ImportOpmlAsync(opml, cancellationToken);
        }

        await database.Ready;

        var summary = await poller.PollAllAsync(cancellationToken);
        await output.WriteLineAsync(summary.ToString());
        return 0;
    }

    private async Task<IReadOnlyList<OpmlOutline>> ReadOpmlAsync(string source, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(source, UriKind.Absolute, out var url) || url.IsFile)
        {
            await using var file = File.OpenRead(source);
            return OpmlReader.Read(file);
        }

        var fetched = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        if (fetched.Status != FetchStatus.Ok)
        {
            throw new UsageException($"cannot fetch {url}: {fetched.Error ?? fetched.Status.ToString()}");
        }

        return OpmlReader.Read(new MemoryStream(fetched.Body!));
    }
}
