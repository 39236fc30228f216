using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Posts;

/// <summary>
/// Keeps each rendered reading page (path and query) until the database changes: the cache key carries the
/// <see cref="RiverVersion"/> ETag, so a page rendered before a commit is never served after it, on SQLite and on
/// PostgreSQL alike. A page is the same for every reader (anonymous static SSR); an answer that sets a cookie or is
/// not a 200 is never stored.
/// (<see cref="RiverETags"/> drops the antiforgery cookie Blazor sets on every page it renders.)
/// </summary>
public sealed class RiverOutputCache : IOutputCachePolicy
{
    // Entries of older versions are unreachable; they leave on expiry or when the store's size limit needs room.
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var request = context.HttpContext.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !RiverETags.IsReadingPage(request.Path))
        {
            return;
        }

        var version = context.HttpContext.RequestServices.GetRequiredService<RiverVersion>();
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Lifetime;
        context.CacheVaryByRules.QueryKeys = "*";
        // Compression runs inside the cache: a brotli page must never reach a reader who asked for gzip or nothing.
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByValues["river"] = await version.ETagAsync(cancellationToken);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellationToken)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.ContainsKey(HeaderNames.SetCookie))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
