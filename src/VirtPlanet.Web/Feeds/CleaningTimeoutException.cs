namespace VirtPlanet.Web.Feeds;

/// <summary>Cleaning a fetch's markup took longer than its <see cref="CleaningBudget"/>: the fetch fails, and none of its posts is stored.</summary>
public sealed class CleaningTimeoutException(TimeSpan limit)
    : Exception($"Cleaning the feed's HTML took longer than {limit.TotalSeconds:0.#} s (markup nested too deeply to parse in time)");
