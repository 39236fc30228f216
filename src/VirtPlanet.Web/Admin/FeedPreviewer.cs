using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>Fetches, parses and sanitizes a feed without storing anything: the add flow's preview.</summary>
public sealed class FeedPreviewer(FeedFetcher fetcher, FeedParser parser, PostSanitizer sanitizer, ILogger<FeedPreviewer> logger)
{
    public const int EntryCount = 5;

    public async Task<PreviewResult> PreviewAsync(Uri url, CancellationToken cancellationToken)
    {
        FetchResult fetched;
        try
        {
            fetched = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Preview could not fetch {FeedUrl}: {FeedError}", url, e.Message);
            fetched = new FetchResult { Status = FetchStatus.Failed, Error = e.Message };
        }

        if (fetched.Status != FetchStatus.Ok || fetched.Body is null)
        {
            return new PreviewResult(null, $"{url} could not be fetched: {fetched.Error ?? fetched.Status.ToString()}.");
        }

        var kind = FeedKind.Sniff(fetched.Body);
        if (kind is null)
        {
            return new PreviewResult(null, $"{url} is not an RSS or Atom feed (it looks like a web page or another kind of document).");
        }

        var location = fetched.FinalUrl ?? url;
        ParsedFeed parsed;
        try
        {
            parsed = parser.Parse(fetched.Body, fetched.ContentType, location);
        }
        catch (FeedParseException e)
        {
            return new PreviewResult(null, $"{url} looks like {kind} but cannot be read: {e.Message}");
        }

        var budget = sanitizer.NewBudget();
        List<PreviewEntry> entries;
        try
        {
            entries = parsed.Entries
                .OrderByDescending(e => e.Published ?? e.Updated ?? DateTime.MinValue)
                .Take(EntryCount)
                .Select(e => new PreviewEntry(e.Title, e.Link, e.Author, e.Published ?? e.Updated, Clean(e.ContentHtml ?? e.SummaryHtml, e.BaseUri, budget)))
                .ToList();
        }
        catch (CleaningTimeoutException e)
        {
            return new PreviewResult(null, $"{url} cannot be shown: {e.Message}");
        }

        return new PreviewResult(new FeedPreview(location, parsed.Title ?? location.Host, kind, parsed.SiteUrl, entries), null);
    }

    private string? Clean(string? html, Uri? baseUri, CleaningBudget budget) =>
        string.IsNullOrWhiteSpace(html) ? null : sanitizer.Sanitize(html, baseUri, budget);
}
