using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Web.Cli;

/// <summary>The verbs that move the planet between stores.</summary>
public sealed class DatabaseCommands(TextWriter output, IDbContextFactory<PlanetDbContext> dbFactory, IOptions<DatabaseOptions> database)
{
    /// <summary>Copies the configured SQLite planet (feeds, posts, their status) into PostgreSQL, migrating it first.</summary>
    public async Task<int> CopyToPostgresAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new UsageException("usage: copy-to-postgres CONNECTION-STRING (e.g. \"Host=db;Database=virtplanet;Username=planet;Password=...\")");
        }

        if (database.Value.Provider != DatabaseProvider.Sqlite)
        {
            throw new UsageException("the source is the SQLite planet: run it with Planet:Database:Provider=Sqlite (the default)");
        }

        NpgsqlConnectionStringBuilder target;
        try
        {
            target = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"not an Npgsql connection string: {e.Message}");
        }

        await using var from = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var to = new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql(target.ConnectionString).Options);
        await to.MigrateAsync(cancellationToken);
        var result = await new PlanetCopy(from, to).CopyAsync(cancellationToken);
        await output.WriteLineAsync($"Copied to PostgreSQL database '{target.Database}' on {target.Host}: {result}");
        return 0;
    }
}
