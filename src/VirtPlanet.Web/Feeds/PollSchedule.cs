using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

/// <summary>When a feed is fetched next: its own hints on success, an exponential back-off on failure.</summary>
public sealed class PollSchedule(IOptions<PollingOptions> options)
{
    public DateTime AfterSuccess(DateTime now, params TimeSpan?[] hints)
    {
        var wait = hints.Max() ?? TimeSpan.Zero;
        return now + Clamp(wait);
    }

    public DateTime AfterFailure(DateTime now, int consecutiveFailures, TimeSpan? retryAfter)
    {
        var polling = options.Value;
        var exponent = Math.Min(Math.Max(consecutiveFailures - 1, 0), 30);
        var backoff = TimeSpan.FromTicks((long)Math.Min(polling.FailureBackoff.Ticks * Math.Pow(2, exponent), polling.MaxInterval.Ticks));
        return now + Clamp(retryAfter > backoff ? retryAfter.Value : backoff);
    }

    private TimeSpan Clamp(TimeSpan wait) =>
        wait < TimeSpan.Zero ? TimeSpan.Zero : wait > options.Value.MaxInterval ? options.Value.MaxInterval : wait;
}
