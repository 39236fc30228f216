using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace VirtPlanet.Web.Data;

/// <summary>
/// For <c>dotnet ef migrations add ... --context PlanetDbContext</c>: the SQLite model, whatever the configured provider.
/// Without it the tools may build this context with <see cref="PostgresDesignTimeFactory"/>'s options.
/// </summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<PlanetDbContext>
{
    public PlanetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlanetDbContext>().UseSqlite("Data Source=planet.db").Options);
}
