using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Hands out the configured provider's context, so that components and services only know <see cref="PlanetDbContext"/>,
/// from a pool (EF Core's DbContext pooling): a context given back is reset and handed out again instead of setting up
/// its internal services anew, which was a fifth of the CPU of a poll in which every feed answered 304 (a context per
/// feed and per queued write; docs/performance.md). The contexts keep no state of their own that could leak between uses.
/// </summary>
public sealed class PlanetDbContextFactory(DbContextOptions<PlanetDbContext> options, IOptions<DatabaseOptions> database) : IDbContextFactory<PlanetDbContext>
{
    private readonly Lazy<Func<PlanetDbContext>> pool = new(() => database.Value.Provider == DatabaseProvider.PostgreSql
        ? new PooledDbContextFactory<PostgresPlanetDbContext>(new DbContextOptions<PostgresPlanetDbContext>(options.Extensions.ToDictionary(e => e.GetType()))).CreateDbContext
        : new PooledDbContextFactory<PlanetDbContext>(options).CreateDbContext);

    public PlanetDbContext CreateDbContext() => pool.Value();
}
