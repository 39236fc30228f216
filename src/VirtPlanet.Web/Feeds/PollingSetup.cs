using Hangfire;
using Microsoft.Extensions.Options;
using VirtPlanet.Web.Admin;

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

    /// <summary>The Hangfire dashboard under /admin/jobs, for the signed-in admin only.</summary>
    public static IEndpointConventionBuilder MapPlanetJobsDashboard(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHangfireDashboard("/admin/jobs", new DashboardOptions
        {
            Authorization = [new AdminDashboardAuthorization()],
            DashboardTitle = "VirtPlanet jobs",
        });
}
