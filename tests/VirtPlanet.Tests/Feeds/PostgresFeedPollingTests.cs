using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Feeds;

[Collection(PostgresCollection.Name)]
public sealed class PostgresFeedPollingTests(PostgresCluster postgres) : FeedPollingTests
{
    protected override async Task<Dictionary<string, string?>> DatabaseSettingsAsync() => new()
    {
        ["Planet:Database:Provider"] = "PostgreSql",
        ["Planet:Database:ConnectionString"] = await postgres.CreateDatabaseAsync(),
    };
}
