using Hangfire;
using Hangfire.Dashboard;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

public static class PollingSetup
{
    /// <summary>Registers (or updates) the recurring poll cycle with the configured cron; every instance may, the last one wins.</summary>
    public static void SchedulePolling(this IServiceProvider services)
    {
        var cron = services.GetRequiredService<IOptions<PollingOptions>>().Value.Cron;
        services.GetRequiredService<IRecurringJobManager>()
            .AddOrUpdate<PollCycleJob>(PollCycleJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), cron);
    }

    /// <summary>The Hangfire dashboard under /admin/jobs; until the admin area has sign-in, local requests only.</summary>
    public static IEndpointConventionBuilder MapPlanetJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new LocalRequestsOnlyAuthorizationFilter()],
            DashboardTitle = "VirtPlanet jobs",
        });
}
