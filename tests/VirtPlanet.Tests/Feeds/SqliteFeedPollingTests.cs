namespace VirtPlanet.Tests.Feeds;

public sealed class SqliteFeedPollingTests : FeedPollingTests
{
    protected override Task<Dictionary<string, string?>> DatabaseSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
}
