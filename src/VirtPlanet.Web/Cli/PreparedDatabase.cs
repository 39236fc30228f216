namespace VirtPlanet.Web.Cli;

/// <summary>A command-line run's database being migrated on another thread: a verb awaits <see cref="Ready"/> before it uses it.</summary>
public sealed class PreparedDatabase(Task ready)
{
    /// <summary>Completes once the database is migrated; throws what its preparation threw.</summary>
    public Task Ready { get; } = ready;

    /// <summary>
    /// Waits for the preparation to end, without throwing: a verb that stopped before it needed the database (a usage
    /// error, an OPML that could not be fetched) reports its own error, and the process does not exit mid-migration.
    /// A verb that needed the database has already seen the preparation's error through <see cref="Ready"/>.
    /// </summary>
    public Task SettledAsync() => Ready.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
