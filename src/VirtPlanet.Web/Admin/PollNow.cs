using System.Text.Json;
using Hangfire;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Admin;

/// <summary>The admin's "poll now": enqueues the refresh on Hangfire, then reports the job's state and result.</summary>
public sealed class PollNow(IBackgroundJobClient jobs, JobStorage storage)
{
    public string EnqueueFeed(int feedId) => jobs.Enqueue<FeedRefresher>(refresher => refresher.RefreshAsync(feedId, CancellationToken.None));

    public string EnqueueAll() => jobs.Enqueue<PollFeedsJob>(job => job.PollAllAsync(CancellationToken.None));

    public JobProgress Progress(string jobId)
    {
        using var connection = storage.GetConnection();
        var state = connection.GetStateData(jobId);
        // Hangfire's state names; its *State.StateName fields are not constants a switch could use.
        return state?.Name switch
        {
            null => new JobProgress("Unknown", true, false, "The job is gone from Hangfire's storage."),
            "Enqueued" or "Scheduled" or "Awaiting" =>
                new JobProgress(state.Name, false, false, "Queued: waiting for a Hangfire worker…"),
            "Processing" => new JobProgress(state.Name, false, false, "Polling…"),
            "Succeeded" => Outcome(Value(state.Data, "Result")),
            "Failed" => new JobProgress(state.Name, true, false, $"The job failed: {Value(state.Data, "ExceptionMessage")}"),
            "Deleted" => new JobProgress(state.Name, true, false, "The job was deleted."),
            _ => new JobProgress(state.Name, false, false, state.Name),
        };
    }

    /// <summary>Reads the job's stored result (a <see cref="RefreshOutcome"/> or a <see cref="PollSummary"/>) by its property names.</summary>
    private static JobProgress Outcome(string? result)
    {
        var message = Describe(result);
        return new JobProgress("Succeeded", true, !message.StartsWith("Failed", StringComparison.Ordinal), message);
    }

    private static string Describe(string? result)
    {
        if (string.IsNullOrEmpty(result))
        {
            return "Done.";
        }

        using var json = JsonDocument.Parse(result);
        var root = json.RootElement;
        if (root.TryGetProperty(nameof(PollSummary.Feeds), out var feeds))
        {
            return $"Done: {feeds} feeds polled, {Number(root, nameof(PollSummary.NewPosts))} new posts, {Number(root, nameof(PollSummary.Failed))} failed.";
        }

        if (root.TryGetProperty(nameof(RefreshOutcome.Error), out var error) && error.ValueKind == JsonValueKind.String)
        {
            return $"Failed: {error.GetString()}";
        }

        return (RefreshStatus)Number(root, nameof(RefreshOutcome.Status)) switch
        {
            RefreshStatus.NotModified => "Done: the feed has not changed since the last poll.",
            RefreshStatus.Skipped => "Skipped: another poll was fetching this feed at the same moment.",
            _ => $"Done: {Number(root, nameof(RefreshOutcome.NewPosts))} new posts, {Number(root, nameof(RefreshOutcome.UpdatedPosts))} updated.",
        };
    }

    private static string? Value(IDictionary<string, string> data, string key) => data.TryGetValue(key, out var value) ? value : null;

    private static int Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;
}
