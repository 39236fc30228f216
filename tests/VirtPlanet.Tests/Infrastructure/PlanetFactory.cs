using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>
/// The real planet host over a fresh data folder of its own (real SQLite files), allowed to fetch from
/// the tests' loopback feed server, with no default feeds and no schedule surprises.
/// </summary>
public sealed class PlanetFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    public PlanetFactory(Dictionary<string, string?>? overrides = null)
    {
        DataDirectory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "virtplanet-tests", Guid.NewGuid().ToString("N"));
        settings = new Dictionary<string, string?>
        {
            ["Planet:DataDirectory"] = DataDirectory,
            ["Planet:SeedDefaultFeeds"] = "false",
            ["Planet:Fetch:AllowPrivateAddresses"] = "true",
            ["Planet:Fetch:Timeout"] = "00:00:05",
            ["Planet:Fetch:ConnectTimeout"] = "00:00:02",
            ["Planet:Polling:Cron"] = "0 0 1 1 *",
            ["Planet:Polling:PollOnStart"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    /// <summary>A context on the planet's own database, as the app's services make them.</summary>
    public Task<PlanetDbContext> CreateDbContextAsync() =>
        Services.GetRequiredService<IDbContextFactory<PlanetDbContext>>().CreateDbContextAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(RepositoryRoot.Path);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a background thread: the OS temp cleaner gets it.
        }
    }
}
