using Microsoft.Extensions.Options;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Health;

public sealed class ConfigurationTests
{
    public static TheoryData<string, string, string> Mistakes => new()
    {
        { "Planet:Polling:Cron", "every half hour", "Planet:Polling:Cron 'every half hour' is not a valid cron expression" },
        { "Planet:TimeZone", "Mars/Olympus", "Planet:TimeZone 'Mars/Olympus' is not a known time zone" },
        { "Planet:Polling:MaxParallelism", "0", "MaxParallelism" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void AConfigurationMistakeStopsStartUpWithAMessageNamingTheKey(string key, string value, string message)
    {
        using var planet = new PlanetFactory(new() { [key] = value });

        var error = Record.Exception(() => planet.CreateClient());

        var validation = Assert.IsType<OptionsValidationException>(error);
        Assert.Contains(message, validation.Message);
    }
}
