using System.Diagnostics;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// The time cleaning the markup of one fetch may take (<see cref="ContentOptions.CleaningTimeLimit"/>), shared by all
/// of that fetch's posts. AngleSharp builds the tree in time quadratic in how many elements are open at once, so a few
/// hundred kilobytes of unclosed <c>&lt;ul&gt;&lt;li&gt;</c> cost minutes and a feed's 8 MB hours.
/// </summary>
public sealed class CleaningBudget(TimeSpan limit)
{
    private readonly long deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);

    /// <exception cref="CleaningTimeoutException">The time is spent.</exception>
    public void ThrowIfSpent()
    {
        if (Stopwatch.GetTimestamp() > deadline)
        {
            throw new CleaningTimeoutException(limit);
        }
    }
}
