using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>The file result answers If-None-Match and If-Modified-Since itself: 304 with no body.</summary>
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
        return TypedResults.Bytes(document.Body, document.ContentType, lastModified: document.LastModified, entityTag: document.ETag);
    }
}
