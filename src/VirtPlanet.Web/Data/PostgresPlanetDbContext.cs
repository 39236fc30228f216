using Microsoft.EntityFrameworkCore;

namespace VirtPlanet.Web.Data;

/// <summary>
/// The same model on PostgreSQL. A type of its own only so that EF Core finds its own migrations
/// (Data/Migrations/PostgreSql); everything else asks for <see cref="PlanetDbContext"/>.
/// </summary>
public sealed class PostgresPlanetDbContext(DbContextOptions options) : PlanetDbContext(options);
