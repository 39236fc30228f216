using System.ComponentModel.DataAnnotations;
using Cronos;

namespace VirtPlanet.Web.Feeds;

/// <summary>When and how hard feeds are polled: section <c>Planet:Polling</c>.</summary>
public sealed class PollingOptions : IValidatableObject
{
    public const string Section = "Planet:Polling";

    /// <summary>Cron expression of the recurring Hangfire poll job.</summary>
    [Required]
    public string Cron { get; set; } = "*/30 * * * *";

    /// <summary>Run a poll cycle (of the feeds that are due) when the planet starts, besides the cron.</summary>
    public bool PollOnStart { get; set; } = true;

    /// <summary>Feeds fetched at the same time during one poll.</summary>
    [Range(1, 256)]
    public int MaxParallelism { get; set; } = 8;

    /// <summary>
    /// Fetched feeds parsed and cleaned at the same time, across every poll of the process; 0 means one fewer than
    /// the machine's processors (at least one), which leaves a core to the database writer and to readers.
    /// </summary>
    [Range(0, 256)]
    public int ParseParallelism { get; set; }

    /// <summary><see cref="ParseParallelism"/>, with 0 resolved for this machine.</summary>
    public int EffectiveParseParallelism => ParseParallelism > 0 ? ParseParallelism : Math.Max(1, Environment.ProcessorCount - 1);

    /// <summary>
    /// Upper bound of the wait a feed asks for (RSS ttl, Cache-Control max-age, Retry-After: a ttl of a week
    /// is not obeyed) and of the failure back-off. Without such a hint a feed is polled on every run.
    /// </summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>First back-off after a failure; doubles with each consecutive failure up to <see cref="MaxInterval"/>.</summary>
    public TimeSpan FailureBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long one poll may hold a feed before another run (or instance) may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // Hangfire parses cron with Cronos too: five fields, or six with seconds.
        var fields = Cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var format = fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard;
        string? error = null;
        try
        {
            CronExpression.Parse(Cron, format);
        }
        catch (CronFormatException e)
        {
            error = e.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult($"Planet:Polling:Cron '{Cron}' is not a valid cron expression: {error}", [nameof(Cron)]);
        }
    }
}
