using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>
/// Finds the feeds of a blog: the address itself when it is a feed, else the page's
/// <c>&lt;link rel="alternate"&gt;</c> RSS/Atom links, else the first of the usual paths that answers with a feed.
/// Fetches through <see cref="FeedFetcher"/>, so the same politeness and address guard apply.
/// </summary>
public sealed class FeedDiscovery(FeedFetcher fetcher, IOptions<ContentOptions> content, ILogger<FeedDiscovery> logger)
{
    /// <summary>Pages are parsed with the clock of <see cref="ContentOptions.CleaningTimeLimit"/>: a hostile page must not hold the admin's request for minutes.</summary>
    private static readonly HtmlParser PageParser = new(TimedHtml.WithClock(new HtmlParserOptions()));

    public static readonly IReadOnlyList<string> CommonPaths = ["/feed", "/rss", "/atom.xml", "/feed.xml", "/index.xml", "/rss.xml"];

    private static readonly string[] FeedTypes = ["application/rss+xml", "application/atom+xml", "application/rdf+xml"];

    public async Task<DiscoveryResult> DiscoverAsync(string address, CancellationToken cancellationToken)
    {
        if (!TryParseAddress(address, out var url))
        {
            return DiscoveryResult.Failure(DiscoveryStatus.Invalid, $"'{address}' is not a web address (http:// or https://).");
        }

        var page = await FetchAsync(url, cancellationToken);
        if (page.Status != FetchStatus.Ok || page.Body is null)
        {
            return DiscoveryResult.Failure(DiscoveryStatus.Unreachable, $"{url} could not be fetched: {page.Error ?? page.Status.ToString()}.");
        }

        var location = page.FinalUrl ?? url;
        if (FeedKind.Sniff(page.Body) is { } kind)
        {
            return new DiscoveryResult(DiscoveryStatus.IsFeed, [new FeedCandidate(location, null, kind)]);
        }

        var linked = LinkedFeeds(page.Body, location, new CleaningBudget(content.Value.CleaningTimeLimit));
        if (linked.Count > 0)
        {
            return new DiscoveryResult(DiscoveryStatus.Found, linked);
        }

        foreach (var candidate in CommonCandidates(location))
        {
            var fetched = await FetchAsync(candidate, cancellationToken);
            if (fetched.Status == FetchStatus.Ok && fetched.Body is not null && FeedKind.Sniff(fetched.Body) is { } found)
            {
                return new DiscoveryResult(DiscoveryStatus.Found, [new FeedCandidate(fetched.FinalUrl ?? candidate, null, found)]);
            }
        }

        return DiscoveryResult.Failure(DiscoveryStatus.NoFeedFound,
            $"{location} is a web page without a feed link, and none of {string.Join(", ", CommonPaths)} answered with a feed. Paste the feed's own address.");
    }

    /// <summary>Accepts what people paste: "www.berrange.com" means https://www.berrange.com/.</summary>
    public static bool TryParseAddress(string? address, out Uri url)
    {
        var text = address?.Trim() ?? string.Empty;
        if (text.Length > 0 && !text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        var ok = FeedSubscriptions.TryNormalise(text, out var normalised, out _);
        url = ok ? new Uri(normalised) : new Uri("about:blank");
        return ok;
    }

    private List<FeedCandidate> LinkedFeeds(byte[] html, Uri pageUrl, CleaningBudget budget)
    {
        AngleSharp.Html.Dom.IHtmlDocument document;
        try
        {
            document = TimedHtml.Run(budget, () => PageParser.ParseDocument(new MemoryStream(html)));
        }
        catch (CleaningTimeoutException e)
        {
            // Its links cannot be read in time: the usual paths may still answer.
            logger.LogInformation("Discovery could not read the page {FeedUrl}: {FeedError}", pageUrl, e.Message);
            return [];
        }

        var baseUrl = Uri.TryCreate(pageUrl, document.QuerySelector("base[href]")?.GetAttribute("href"), out var b) ? b : pageUrl;
        return document.QuerySelectorAll("link[rel~='alternate'][href]")
            .Where(l => FeedTypes.Contains(l.GetAttribute("type")?.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
            .Select(l => (Href: l.GetAttribute("href")!, Title: l.GetAttribute("title"), Type: l.GetAttribute("type")))
            .Where(l => Uri.TryCreate(baseUrl, l.Href.Trim(), out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps))
            .Select(l => new FeedCandidate(new Uri(baseUrl, l.Href.Trim()), string.IsNullOrWhiteSpace(l.Title) ? null : l.Title.Trim(), TypeName(l.Type)))
            .DistinctBy(c => c.Url.AbsoluteUri)
            .ToList();
    }

    /// <summary>The usual paths under the page's own folder first (a blog at /blog/), then under the site's root.</summary>
    private static IEnumerable<Uri> CommonCandidates(Uri page)
    {
        var folder = page.AbsolutePath.TrimEnd('/');
        var roots = folder.Length > 0 ? new[] { folder, string.Empty } : [string.Empty];
        return roots.SelectMany(root => CommonPaths.Select(path => new Uri(page, root + path))).DistinctBy(u => u.AbsoluteUri);
    }

    private static string? TypeName(string? type) => type?.Contains("atom", StringComparison.OrdinalIgnoreCase) == true ? "Atom" : "RSS";

    private async Task<FetchResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            return await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The fetcher reports failures as data; whatever still escapes it is the address's problem, not the page's.
            logger.LogInformation("Discovery could not fetch {FeedUrl}: {FeedError}", url, e.Message);
            return new FetchResult { Status = FetchStatus.Failed, Error = e.Message };
        }
    }
}
