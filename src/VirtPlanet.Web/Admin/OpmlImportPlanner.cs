using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>Reads an uploaded OPML and says, before anything is stored, which feeds would be added, skipped or refused.</summary>
public sealed class OpmlImportPlanner(AdminFeeds feeds)
{
    /// <exception cref="FeedParseException">The upload is not an OPML document.</exception>
    public async Task<IReadOnlyList<OpmlImportLine>> PlanAsync(Stream opml, CancellationToken cancellationToken)
    {
        var outlines = OpmlReader.Read(opml);
        var seen = new HashSet<string>();
        var lines = new List<OpmlImportLine>();
        foreach (var outline in outlines)
        {
            if (!FeedSubscriptions.TryNormalise(outline.XmlUrl, out var url, out var error))
            {
                lines.Add(new OpmlImportLine(outline, SubscribeStatus.Invalid, error));
            }
            else if (await feeds.FindDuplicateAsync([new Uri(url)], cancellationToken) is { } existing)
            {
                lines.Add(new OpmlImportLine(outline, SubscribeStatus.Duplicate, "already subscribed", existing));
            }
            else if (!seen.Add(url))
            {
                lines.Add(new OpmlImportLine(outline, SubscribeStatus.Duplicate, "listed twice in this file"));
            }
            else
            {
                lines.Add(new OpmlImportLine(outline with { XmlUrl = url }, SubscribeStatus.Added));
            }
        }

        return lines;
    }
}
