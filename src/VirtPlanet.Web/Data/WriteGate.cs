using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Queues this process's poll writes for SQLite's single writer. SQLite lets one connection write at a time; the
/// others wait in its busy handler, which sleeps in growing steps (up to 100 ms) however soon the lock frees: with
/// 16 feeds finishing at once, a poll spent more time asleep than writing. Waiting here instead hands the lock on
/// the moment it is free. Writers in other processes still meet SQLite's <c>busy_timeout</c>. On PostgreSQL, which
/// writes concurrently, the gate lets everyone through.
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> database) : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    /// <summary>True on SQLite, where this process's writes take turns; false on PostgreSQL.</summary>
    public bool Serializes { get; } = database.Value.Provider != DatabaseProvider.PostgreSql;

    /// <summary>Waits for this process's turn to write; dispose the result to hand the turn on.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (!Serializes)
        {
            return Turn.None;
        }

        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    public void Dispose() => gate.Dispose();

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn None = new(null);

        private SemaphoreSlim? held = gate;

        public void Dispose() => Interlocked.Exchange(ref held, null)?.Release();
    }
}
