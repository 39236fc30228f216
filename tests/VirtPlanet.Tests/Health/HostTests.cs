using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog;
using VirtPlanet.Tests.Admin;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Health;

public sealed class HostTests : IDisposable
{
    private readonly PlanetFactory planet = new();

    public void Dispose() => planet.Dispose();

    [Theory]
    [InlineData("/site.css")]
    [InlineData("/_framework/blazor.web.js")]
    public async Task TheTopLevelWebRootAndTheFrameworkAssetsAreServed(string path)
    {
        var response = await planet.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ServingAPageAndItsAssetsLogsNoWarning()
    {
        var client = planet.CreateClient();
        foreach (var path in (string[])["/", "/site.css", "/admin.css", "/VirtPlanet.Web.styles.css", "/_framework/blazor.web.js"])
        {
            (await client.GetAsync(path)).EnsureSuccessStatusCode();
        }

        // With Serilog:MinimumLevel:Default=Warning the planet's own log file holds warnings and errors only.
        Assert.Empty(PlanetLogs.Problems(planet.DataDirectory));
    }

    [Fact]
    public async Task EachPlanetInAProcessWritesItsOwnLog()
    {
        using var first = AdminAccount.Planet();
        var client = AdminAccount.Client(first);
        // Built second, this planet's logger used to be the process's static one, which every planet wrote through.
        using var second = new PlanetFactory();
        (await second.CreateClient().GetAsync("/")).EnsureSuccessStatusCode();

        await AdminAccount.SignInAsync(client, password: "wrong password");

        Assert.Contains(PlanetLogs.Problems(first.DataDirectory), line => line.Contains("Admin sign-in failed", StringComparison.Ordinal));
        Assert.Empty(PlanetLogs.Problems(second.DataDirectory));
    }

    [Fact]
    public async Task HealthzReportsTheDatabaseAndTheLastPoll()
    {
        var response = await planet.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("No successful poll yet", body.RootElement.GetProperty("checks").GetProperty("last-poll").GetProperty("description").GetString());
    }

    [Fact]
    public void TheDataFolderHoldsThePlanetAndHangfireDatabasesAfterStart()
    {
        planet.CreateClient();

        Assert.True(File.Exists(Path.Combine(planet.DataDirectory, "planet.db")));
        Assert.True(File.Exists(Path.Combine(planet.DataDirectory, "hangfire.db")));
    }

    [Fact]
    public void SinksAndFormattersNamedInTheSerilogSectionAreFound()
    {
        var log = Path.Combine(planet.DataDirectory, "configured.log");
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:0:Name"] = "File",
            ["Serilog:WriteTo:0:Args:path"] = log,
            ["Serilog:WriteTo:0:Args:formatter"] = "Serilog.Formatting.Compact.CompactJsonFormatter, Serilog.Formatting.Compact",
            ["Serilog:WriteTo:1:Name"] = "Debug",
            ["Serilog:Enrich:0"] = "FromLogContext",
        }).Build();

        using (var logger = new LoggerConfiguration().ReadFrom.Configuration(settings, PlanetServices.SerilogSettings).CreateLogger())
        {
            logger.Warning("Written through the {Sink} sink", "configured");
        }

        Assert.Contains("\"@mt\":\"Written through the {Sink} sink\",\"@l\":\"Warning\",\"Sink\":\"configured\"", File.ReadAllText(log));
    }

    [Fact]
    public void TheBundledDefaultListIsTheVirtualizationPlanetsTwentyEightFeeds()
    {
        var outlines = DefaultFeeds.Read();

        Assert.Equal(28, outlines.Count);
        Assert.Contains(outlines, o => o.Title == "QEMU project" && o.XmlUrl == "https://www.qemu.org/feed.xml");
    }
}
