using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Data;

/// <summary>The planet's data on SQLite (migrations in Data/Migrations); <see cref="PostgresPlanetDbContext"/> is the same model on PostgreSQL.</summary>
public class PlanetDbContext : DbContext
{
    public PlanetDbContext(DbContextOptions<PlanetDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PostgresPlanetDbContext"/>, whose pool hands it options typed for itself.</summary>
    protected PlanetDbContext(DbContextOptions options)
        : base(options)
    {
    }

    private bool? isSqlite;

    public DbSet<Feed> Feeds => Set<Feed>();

    public DbSet<Post> Posts => Set<Post>();

    /// <summary>
    /// Whether this context runs on SQLite, asked of EF Core once per context (a pooled one keeps its provider): EF
    /// Core's answer compares assembly names, and the prepared writes ask it for every feed they store.
    /// </summary>
    internal bool IsSqlite => isSqlite ??= Database.IsSqlite();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanetDbContext).Assembly);

    // SQLite has no time type: every DateTime is stored as UTC text (which sorts correctly) and read back as UTC.
    // PostgreSQL stores them as timestamp with time zone, which Npgsql accepts only with Kind=Utc.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
