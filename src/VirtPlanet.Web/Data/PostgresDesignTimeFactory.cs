using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace VirtPlanet.Web.Data;

/// <summary>For <c>dotnet ef migrations add ... --context PostgresPlanetDbContext</c>: no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPlanetDbContext>
{
    public PostgresPlanetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql("Host=localhost;Database=virtplanet").Options);
}
