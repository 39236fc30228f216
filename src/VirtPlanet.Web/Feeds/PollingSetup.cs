using Hangfire;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Admin;

namespace VirtPlanet.Web.Feeds;

public static class PollingSetup
{
    /// <summary>
    /// Registers (or updates) the recurring poll cycle with the configured cron; every instance may, the last one wins.
    /// With <see cref="PollingOptions.PollOnStart"/>, a cycle also runs now: a new planet shows posts within a minute,
    /// not at the next half hour. It only queues due feeds, so a restart does not refetch what was just polled.
    /// </summary>
    public static void SchedulePolling(this IServiceProvider services)
    {
        var polling = services.GetRequiredService<IOptions<PollingOptions>>().Value;
        var jobs = services.GetRequiredService<IRecurringJobManager>();
        jobs.AddOrUpdate<PollCycleJob>(PollCycleJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), polling.Cron);
        if (polling.PollOnStart)
        {
            jobs.Trigger(PollCycleJob.RecurringJobId);
        }
    }

    /// <summary>The Hangfire dashboard under /admin/jobs, for the signed-in admin only.</summary>
    public static IEndpointConventionBuilder MapPlanetJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "VirtPlanet jobs",
        });
}
