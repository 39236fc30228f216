using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;

namespace VirtPlanet.Web.Posts;

/// <summary>
/// Conditional GET for the reading pages: each answer carries an ETag from <see cref="RiverVersion"/>, and a
/// request whose If-None-Match still matches gets 304 without rendering anything.
/// </summary>
public static partial class RiverETags
{
    public static IApplicationBuilder UseRiverETags(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || !ReadingPage().IsMatch(request.Path.Value ?? ""))
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
            }

            return Task.CompletedTask;
        });
        await next(context);
    });

    /// <summary>The river pages: the home page, a feed's river, a person's river (not their syndication files).</summary>
    [GeneratedRegex("^/(?:(?:feeds|authors)/[^/.]+/?)?$")]
    private static partial Regex ReadingPage();
}
