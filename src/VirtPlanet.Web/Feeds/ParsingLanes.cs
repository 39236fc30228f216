using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// How many fetched feeds are parsed, cleaned and compared with their stored posts at once, across every poll of the
/// process (<see cref="PollingOptions.ParseParallelism"/>). Fetches overlap freely; this CPU-bound stage does not take
/// every core, so that the one writer of the database and the readers' pages always find one free. A cold poll of
/// 1,000 feeds on two cores was 4-19 % faster with one lane than with a lane per fetch, in each of nine alternated
/// comparisons (docs/performance.md, round 31).
/// </summary>
public sealed class ParsingLanes(IOptions<PollingOptions> options)
{
    private readonly SemaphoreSlim lanes = new(options.Value.EffectiveParseParallelism);

    /// <summary>Waits for a free lane; disposing the result gives it back.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await lanes.WaitAsync(cancellationToken);
        return new Lane(lanes);
    }

    private sealed class Lane(SemaphoreSlim lanes) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                lanes.Release();
            }
        }
    }
}
