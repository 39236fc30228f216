namespace VirtPlanet.Tests.Infrastructure;

/// <summary>The test classes that share one throwaway PostgreSQL cluster (each test makes its own database).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
