using Microsoft.EntityFrameworkCore;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Data;

public sealed class PlanetDbContext(DbContextOptions<PlanetDbContext> options) : DbContext(options)
{
    public DbSet<Feed> Feeds => Set<Feed>();

    public DbSet<Post> Posts => Set<Post>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PlanetDbContext).Assembly);

    // SQLite has no time type: every DateTime is stored as UTC text (which sorts correctly) and read back as UTC.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
