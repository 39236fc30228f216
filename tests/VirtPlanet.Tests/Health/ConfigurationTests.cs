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
        { "--Planet:Fetch:Timeout=soon", "Failed to convert configuration value 'soon' at 'Planet:Fetch:Timeout' to type 'System.TimeSpan'." },
        { "--Planet:River:PostsPerPage=lots", "Failed to convert configuration value 'lots' at 'Planet:River:PostsPerPage' to type 'System.Int32'." },
        { "--Serilog:MinimumLevel:Default=Loud", "the Serilog section of the configuration cannot be used: The value Loud is not a valid Serilog level." },
        { "--Serilog:WriteTo:0:Args:path=log.txt", "the Serilog section of the configuration cannot be used: The configuration value in Serilog:WriteTo:0:Name has no 'Name' element." },
        { "--Serilog:WriteTo:0:Name=Consle", "the Serilog section of the configuration cannot be used: Serilog:WriteTo names a sink 'Consle' that the planet does not have (it has Console, File, Debug)." },
        { "--urls=garbage", "the address to listen on (--urls) cannot be used: Invalid url: 'garbage'" },
        { "--Planet:Polling:MaxParalelism=3", "Planet:Polling:MaxParalelism is not a setting of the planet (Planet:Polling has Cron, PollOnStart, MaxParallelism, ParseParallelism, MaxInterval, FailureBackoff, Lease)" },
        { "--Planet:Titel=News", "Planet:Titel is not a setting of the planet (Planet has DataDirectory, Title, Subtitle, Link, OwnerName, OwnerEmail, TimeZone, NewFeedItems, SeedDefaultFeeds, Database, Fetch, Content, Polling, River, Syndication, Admin)" },
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task AConfigurationMistakeStopsStartUpWithOneLineNamingIt(string setting, string message)
    {
        // Without feeds to poll: a mistake found only when the server starts (--urls) comes after the polling is scheduled.
        var (exit, _, error) = await PlanetProcess.RunAsync(
            folder, TimeSpan.FromSeconds(30), $"--Planet:DataDirectory={folder}/data", "--Planet:SeedDefaultFeeds=false", "--Planet:Polling:PollOnStart=false", setting);

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("VirtPlanet cannot start: ", line);
        Assert.Contains(message, line);
    }

    [Fact]
    public async Task AnAddressAnotherProcessHoldsStopsStartUpWithOneLineNamingIt()
    {
        using var holder = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        holder.Start();
        var port = ((System.Net.IPEndPoint)holder.LocalEndpoint).Port;

        var (exit, _, error) = await PlanetProcess.RunAsync(
            folder,
            TimeSpan.FromSeconds(30),
            $"--Planet:DataDirectory={folder}/data",
            "--Planet:SeedDefaultFeeds=false",
            "--Planet:Polling:PollOnStart=false",
            $"--urls=http://127.0.0.1:{port}");

        Assert.Equal(1, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"VirtPlanet cannot start: the address to listen on (--urls) cannot be used: Failed to bind to address http://127.0.0.1:{port}: address already in use.", line);
    }

    [Fact]
    public async Task AMisspeltSettingInTheEnvironmentStopsACommandWithOneLineNamingIt()
    {
        var (exit, output, error) = await PlanetProcess.RunAsync(
            folder,
            TimeSpan.FromSeconds(30),
            new Dictionary<string, string> { ["Planet__Fetch__Timout"] = "00:00:05" },
            "list-feeds",
            $"--Planet:DataDirectory={folder}/data");

        Assert.Equal(1, exit);
        Assert.Empty(output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(
            "VirtPlanet cannot start: Planet:Fetch:Timout is not a setting of the planet (Planet:Fetch has ConnectTimeout, Timeout, MaxBodyBytes, MaxRedirects, AllowPrivateAddresses)",
            line);
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
