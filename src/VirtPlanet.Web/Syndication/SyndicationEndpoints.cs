using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Syndication;

public static class SyndicationEndpoints
{
    private static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];

    /// <summary>The planet's outputs; the per-feed and per-author Atom feeds sit beside their river pages.</summary>
    public static IEndpointRouteBuilder MapSyndication(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, "/atom.xml", SyndicationFormat.Atom);
        Map(endpoints, "/rss20.xml", SyndicationFormat.Rss20);
        Map(endpoints, "/rss10.xml", SyndicationFormat.Rss10);
        Map(endpoints, "/feed.json", SyndicationFormat.JsonFeed);
        Map(endpoints, "/foafroll.xml", SyndicationFormat.FoafRoll);
        Map(endpoints, "/opml.xml", SyndicationFormat.Opml);
        endpoints.MapMethods("/feeds/{slug}/atom.xml", GetAndHead, (string slug, SyndicationCache cache, HttpContext context) =>
            ServeAsync(cache, context, SyndicationFormat.Atom, new RiverFilter(RiverScope.Feed, slug)));
        endpoints.MapMethods("/authors/{slug}/atom.xml", GetAndHead, (string slug, SyndicationCache cache, HttpContext context) =>
            ServeAsync(cache, context, SyndicationFormat.Atom, new RiverFilter(RiverScope.Author, slug)));
        return endpoints;
    }

    private static void Map(IEndpointRouteBuilder endpoints, string pattern, SyndicationFormat format) =>
        endpoints.MapMethods(pattern, GetAndHead, (SyndicationCache cache, HttpContext context) =>
            ServeAsync(cache, context, format, RiverFilter.Planet));

    /// <summary>
    /// The file result answers If-None-Match and If-Modified-Since itself: 304 with no body. A compressed body
    /// comes from the document, compressed once per version; the document's ETag is weak, so the plain and the
    /// compressed forms share it (RFC 9110 §8.8.1). The response compression middleware leaves the response alone.
    /// </summary>
    private static async Task<Results<FileContentHttpResult, NotFound>> ServeAsync(
        SyndicationCache cache, HttpContext context, SyndicationFormat format, RiverFilter filter)
    {
        var document = await cache.GetAsync(format, filter, context.RequestAborted);
        if (document is null)
        {
            return TypedResults.NotFound();
        }

        // Readers may keep a copy but must ask again each time: the answer is a cheap 304 while nothing changed.
        context.Response.Headers.CacheControl = "public, no-cache";
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        var encoding = ContentCodings.Choose(context.Request.Headers.AcceptEncoding);
        if (encoding != ContentCodings.Identity)
        {
            context.Response.Headers.ContentEncoding = encoding;
        }

        return TypedResults.Bytes(document.BodyIn(encoding), document.ContentType, lastModified: document.LastModified, entityTag: document.ETag);
    }
}
