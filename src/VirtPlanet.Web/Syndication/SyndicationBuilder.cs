using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Syndication;

/// <summary>Generates one output from the database: the only place that knows which writer makes which format.</summary>
public sealed class SyndicationBuilder(SyndicationSource source, IOptions<PlanetOptions> options)
{
    /// <summary>The planet's public address, always ending in a slash so the outputs' paths resolve beneath it.</summary>
    private Uri Planet => new(options.Value.Link.EndsWith('/') ? options.Value.Link : options.Value.Link + "/");

    /// <summary>Null when the filter names a feed or author the planet does not know.</summary>
    public async Task<SyndicationDocument?> BuildAsync(
        SyndicationFormat format, RiverFilter filter, PlanetVersion version, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        DateTime lastModified;
        var self = new Uri(Planet, SelfPath(format, filter));
        if (format is SyndicationFormat.Opml or SyndicationFormat.FoafRoll)
        {
            var feeds = await source.LoadFeedsAsync(cancellationToken);
            lastModified = version.ChangedAt;
            if (format == SyndicationFormat.Opml)
            {
                await OpmlWriter.WriteAsync(body, options.Value.Title, options.Value.OwnerName, feeds, lastModified, cancellationToken);
            }
            else
            {
                FoafRollWriter.Write(body, options.Value.Title, Planet, self, feeds);
            }
        }
        else
        {
            var river = await source.LoadRiverAsync(filter, cancellationToken);
            if (river is null)
            {
                return null;
            }

            var feed = new RiverFeed(river, Planet, self, version.ChangedAt);
            lastModified = feed.Updated;
            WriteRiver(format, body, feed);
        }

        var bytes = body.ToArray();
        return new SyndicationDocument(version, bytes, ContentTypeOf(format), ETagOf(bytes), TruncateToSeconds(lastModified));
    }

    public static string ContentTypeOf(SyndicationFormat format) => format switch
    {
        SyndicationFormat.Atom => "application/atom+xml; charset=utf-8",
        SyndicationFormat.Rss20 => "application/rss+xml; charset=utf-8",
        SyndicationFormat.Rss10 or SyndicationFormat.FoafRoll => "application/rdf+xml; charset=utf-8",
        SyndicationFormat.JsonFeed => "application/feed+json; charset=utf-8",
        _ => "text/x-opml; charset=utf-8",
    };

    private static string SelfPath(SyndicationFormat format, RiverFilter filter)
    {
        var file = format switch
        {
            SyndicationFormat.Atom => "atom.xml",
            SyndicationFormat.Rss20 => "rss20.xml",
            SyndicationFormat.Rss10 => "rss10.xml",
            SyndicationFormat.JsonFeed => "feed.json",
            SyndicationFormat.FoafRoll => "foafroll.xml",
            _ => "opml.xml",
        };
        return filter.Scope == RiverScope.Planet ? file : $"{filter.PagePath}/{file}";
    }

    private static void WriteRiver(SyndicationFormat format, Stream body, RiverFeed feed)
    {
        switch (format)
        {
            case SyndicationFormat.Rss20:
                Rss20Writer.Write(body, feed);
                break;
            case SyndicationFormat.Rss10:
                Rss10Writer.Write(body, feed);
                break;
            case SyndicationFormat.JsonFeed:
                JsonFeedWriter.Write(body, feed);
                break;
            default:
                AtomWriter.Write(body, feed);
                break;
        }
    }

    /// <summary>
    /// Weak (the compression middleware may re-encode the bytes) and taken from the content, so an instance that
    /// rebuilds identical bytes after a poll that changed nothing keeps answering 304 to readers.
    /// </summary>
    private static EntityTagHeaderValue ETagOf(byte[] bytes) =>
        new($"\"{Convert.ToBase64String(SHA256.HashData(bytes), 0, 18).Replace('+', '-').Replace('/', '_')}\"", isWeak: true);

    private static DateTimeOffset TruncateToSeconds(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
