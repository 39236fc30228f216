using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Health;

/// <summary>Reports the age of the last successful poll; degraded when no feed has succeeded for twice the longest poll interval.</summary>
public sealed class LastPollHealthCheck(IDbContextFactory<PlanetDbContext> dbFactory, IOptions<PollingOptions> options, TimeProvider time) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await db.Feeds.MaxAsync(f => f.LastSuccessAt, cancellationToken);
        if (last is null)
        {
            return HealthCheckResult.Healthy("No successful poll yet");
        }

        var age = time.GetUtcNow().UtcDateTime - last.Value;
        var data = new Dictionary<string, object> { ["lastSuccessfulPoll"] = last.Value.ToString("O"), ["ageSeconds"] = (long)age.TotalSeconds };
        return age > 2 * options.Value.MaxInterval
            ? HealthCheckResult.Degraded($"Last successful poll {age.TotalHours:0} hours ago", data: data)
            : HealthCheckResult.Healthy($"Last successful poll {age.TotalMinutes:0} minutes ago", data);
    }
}
