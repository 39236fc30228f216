using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Posts;

/// <summary>
/// Conditional GET for the reading pages: each answer carries an ETag from <see cref="RiverVersion"/>, and a
/// request whose If-None-Match still matches gets 304 without rendering anything.
/// </summary>
public static partial class RiverETags
{
    private const string EnhancedNavigation = "blazor-enhanced-nav";

    public static IApplicationBuilder UseRiverETags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !IsReadingPage(request.Path))
        {
            await next(context);
            return;
        }

        var etag = await context.RequestServices.GetRequiredService<RiverVersion>().ETagAsync(context.RequestAborted);
        if (request.Headers.IfNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Any(t => t.Trim() == etag))))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            context.Response.Headers.ETag = etag;
            return;
        }

        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
            {
                context.Response.Headers.ETag = etag;
                context.Response.Headers.CacheControl = "no-cache";
                context.Response.Headers.Pragma = default;
                DropAntiforgeryCookie(context);
                // The output cache's store hands header values back through a table of common strings matched
                // without regard to case ("allow" comes back "Allow"); blazor.web.js compares this one exactly and
                // falls back from enhanced navigation to a full page load when it differs.
                if (context.Response.Headers.ContainsKey(EnhancedNavigation))
                {
                    context.Response.Headers[EnhancedNavigation] = "allow";
                }
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>
    /// Blazor stores an antiforgery cookie on every page it renders. A reading page has no form that posts, so the
    /// cookie protects nothing there, and without it the page is the same for every reader: cacheable (see
    /// <see cref="RiverOutputCache"/>) with nobody's token in the cache.
    /// </summary>
    private static void DropAntiforgeryCookie(HttpContext context)
    {
        var name = context.RequestServices.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name + "=";
        var headers = context.Response.Headers;
        var kept = headers.SetCookie.Where(c => c is not null && !c.StartsWith(name, StringComparison.Ordinal)).ToArray();
        headers.SetCookie = kept.Length == 0 ? default : kept;
    }

    /// <summary>
    /// The reading pages: the home page, a feed's river, a person's river (not their syndication files), and the page
    /// to choose feeds and people, which lists them all.
    /// </summary>
    public static bool IsReadingPage(PathString path) => ReadingPage().IsMatch(path.Value ?? "");

    [GeneratedRegex("^/(?:(?:feeds|authors)/[^/.]+/?|choose/?)?$")]
    private static partial Regex ReadingPage();
}
