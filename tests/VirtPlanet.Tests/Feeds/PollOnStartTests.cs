using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

public sealed class PollOnStartTests
{
    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public void StartingThePlanetRunsAPollCycleAtOnceUnlessSwitchedOff(string pollOnStart, bool expected)
    {
        using var planet = new PlanetFactory(new() { ["Planet:Polling:PollOnStart"] = pollOnStart });
        planet.CreateClient();

        using var connection = planet.Services.GetRequiredService<JobStorage>().GetConnection();
        var cycle = connection.GetRecurringJobs().Single(j => j.Id == PollCycleJob.RecurringJobId);

        Assert.Equal("0 0 1 1 *", cycle.Cron);
        Assert.Equal(expected, cycle.LastJobId is not null);
    }
}
