using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Health;

/// <summary>Configuration mistakes stop the real process at start-up with one clear line, not a stack trace.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("virtplanet-config-").FullName;

    public static TheoryData<string, string> Mistakes => new()
    {
        { "--Planet:Polling:Cron=every half hour", "Planet:Polling:Cron 'every half hour' is not a valid cron expression" },
        { "--Planet:TimeZone=Mars/Olympus", "Planet:TimeZone 'Mars/Olympus' is not a known time zone" },
        { "--Planet:Polling:MaxParallelism=0", "MaxParallelism must be between 1 and 256" },
        { "--Planet:Database:Provider=PostgreSql", "Planet:Database:ConnectionString is required with Provider=PostgreSql" },
        { "--Planet:DataDirectory=/proc/virtplanet-cannot-live-here", "the data folder '/proc/virtplanet-cannot-live-here' (Planet:DataDirectory) cannot be created or written" },
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task AConfigurationMistakeStopsStartUpWithOneLineNamingIt(string setting, string message)
    {
        var (exit, _, error) = await PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(30), $"--Planet:DataDirectory={folder}/data", setting);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("VirtPlanet cannot start: ", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public async Task MalformedAppSettingsStopsStartUpWithOneLineNamingTheFile()
    {
        await File.WriteAllTextAsync(Path.Combine(folder, "appsettings.json"), "{ \"Planet\": { ");

        var (exit, _, error) = await PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(30));

        Assert.Equal(1, exit);
        Assert.Equal($"VirtPlanet cannot start: Failed to load configuration from file '{folder}/appsettings.json'.", error.Split(" Could not parse")[0]);
    }

    [Fact]
    public async Task AnUnreachablePostgreSqlStopsStartUpWithOneLineNamingTheSetting()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, _, error) = await PlanetProcess.RunAsync(
            folder,
            TimeSpan.FromSeconds(30),
            $"--Planet:DataDirectory={folder}/data",
            "--Planet:Database:Provider=PostgreSql",
            $"--Planet:Database:ConnectionString=Host=127.0.0.1;Port={closedPort};Database=planet;Username=planet;Timeout=3");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("VirtPlanet cannot start: the PostgreSQL database (Planet:Database:ConnectionString) cannot be used: ", line);
    }
}
