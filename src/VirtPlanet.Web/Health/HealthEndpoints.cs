using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Health;

public static class HealthEndpoints
{
    public static IServiceCollection AddPlanetHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddDbContextCheck<PlanetDbContext>("database")
            .AddCheck<LastPollHealthCheck>("last-poll");
        return services;
    }

    /// <summary><c>/healthz</c>: 200 while the process lives and the database answers; a JSON body with each check.</summary>
    public static IEndpointConventionBuilder MapPlanetHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { ResponseWriter = WriteAsync });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
