using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VirtPlanet.Web;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>A <see cref="DatabaseChanges"/> on a planet.db of its own in a fresh folder, without a host, and commits from another connection.</summary>
public sealed class SqliteChangesFolder : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "virtplanet-tests", Guid.NewGuid().ToString("N"));

    public SqliteChangesFolder()
    {
        var paths = new PlanetPaths(Options.Create(new PlanetOptions { DataDirectory = folder }), new HostingEnvironment { ContentRootPath = folder });
        Changes = new DatabaseChanges(paths, Options.Create(new DatabaseOptions()), NullLogger<DatabaseChanges>.Instance);
    }

    public DatabaseChanges Changes { get; }

    /// <summary>Runs <paramref name="sql"/> on a connection of its own, as another process would.</summary>
    public void Commit(string sql) => new PlanetDatabaseFile(folder).Scalar(sql);

    public void Dispose()
    {
        Changes.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
