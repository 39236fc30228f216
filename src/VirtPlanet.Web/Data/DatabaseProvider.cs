namespace VirtPlanet.Web.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded files under <see cref="PlanetOptions.DataDirectory"/>: one instance, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server shared by several instances; Hangfire's queue lives there too.</summary>
    PostgreSql,
}
