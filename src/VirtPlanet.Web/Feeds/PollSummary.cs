namespace VirtPlanet.Web.Feeds;

/// <summary>One poll run in numbers: what the summary log line and <c>poll-once</c> report.</summary>
public sealed record PollSummary(int Feeds, int Fetched, int NotModified, int Failed, int Skipped, int NewPosts, int UpdatedPosts, TimeSpan Duration)
{
    public static PollSummary From(IReadOnlyCollection<RefreshOutcome> outcomes, TimeSpan duration) => new(
        outcomes.Count,
        outcomes.Count(o => o.Status == RefreshStatus.Fetched),
        outcomes.Count(o => o.Status == RefreshStatus.NotModified),
        outcomes.Count(o => o.Status == RefreshStatus.Failed),
        outcomes.Count(o => o.Status == RefreshStatus.Skipped),
        outcomes.Sum(o => o.NewPosts),
        outcomes.Sum(o => o.UpdatedPosts),
        duration);

    public override string ToString() =>
        $"{Feeds} feeds polled: {Fetched} fetched (200), {NotModified} unchanged (304), {Failed} failed, {Skipped} skipped; " +
        $"{NewPosts} new posts, {UpdatedPosts} updated; {Duration.TotalSeconds:0.00} s";
}
