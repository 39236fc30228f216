using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Syndication;

namespace VirtPlanet.Web.Admin;

public static class AdminEndpoints
{
    /// <summary>
    /// The admin area's non-page endpoints. Everything under /admin requires the admin policy; the only anonymous ones
    /// are the sign-in page and its form post (the tests enumerate the endpoints to keep it so).
    /// </summary>
    public static IEndpointRouteBuilder MapPlanetAdmin(this IEndpointRouteBuilder endpoints)
    {
        var admin = endpoints.MapGroup("/admin").RequireAuthorization(AdminAuth.Policy);
        admin.MapPost("/account/signin", SignInEndpoints.SignInAsync).AllowAnonymous().RequireRateLimiting(AdminAuth.SignInRateLimit);
        admin.MapPost("/account/signout", SignInEndpoints.SignOutAsync);
        admin.MapGet("/opml", ExportOpmlAsync);
        return endpoints;
    }

    /// <summary>The subscription list, every feed included (paused ones too), as a download.</summary>
    private static async Task<FileContentHttpResult> ExportOpmlAsync(
        IDbContextFactory<PlanetDbContext> dbFactory, IOptions<PlanetOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var feeds = await db.Feeds.AsNoTracking().ToListAsync(cancellationToken);
        using var stream = new MemoryStream();
        await OpmlWriter.WriteAsync(stream, options.Value.Title, options.Value.OwnerName, feeds, time.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.File(stream.ToArray(), "text/x-opml; charset=utf-8", "virtplanet-subscriptions.opml");
    }
}
