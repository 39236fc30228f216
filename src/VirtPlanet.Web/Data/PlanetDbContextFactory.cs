using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Data;

/// <summary>Hands out the configured provider's context, so that components and services only know <see cref="PlanetDbContext"/>.</summary>
public sealed class PlanetDbContextFactory(DbContextOptions<PlanetDbContext> options, IOptions<DatabaseOptions> database) : IDbContextFactory<PlanetDbContext>
{
    public PlanetDbContext CreateDbContext() => database.Value.Provider == DatabaseProvider.PostgreSql
        ? new PostgresPlanetDbContext(options)
        : new PlanetDbContext(options);
}
