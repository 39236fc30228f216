namespace VirtPlanet.Web.Data;

/// <summary>
/// A value computed from the database, kept until <see cref="DatabaseChanges"/> reports a commit. One computation per
/// version: the requests that arrive while it runs wait for it instead of each computing again. (On PostgreSQL, where
/// Hangfire's own writes change the version every 15 s, 64 concurrent requests each counting a million posts after
/// every change collapsed the river: docs/performance.md.)
/// </summary>
public sealed class Memo<T>(DatabaseChanges changes)
    where T : class
{
    private Entry? last;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        // Read before computing: a commit racing the computation leaves an older version beside newer content,
        // so the next call computes again; never the reverse.
        var version = await changes.VersionAsync(cancellationToken);
        var entry = Volatile.Read(ref last);
        if (entry is null || entry.Version != version)
        {
            var fresh = new Entry(version, compute);
            var seen = Interlocked.CompareExchange(ref last, fresh, entry);
            // Lost the race to a caller of the same version: share its computation; to another version: compute alone.
            entry = seen == entry || seen is null || seen.Version != version ? fresh : seen;
        }

        try
        {
            // Shared, so not cancelled with one request; each caller stops waiting on its own token.
            return await entry.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            // A failed computation is not kept: the next call tries again.
            Interlocked.CompareExchange(ref last, null, entry);
            throw;
        }
    }

    private sealed class Entry(long version, Func<CancellationToken, Task<T>> compute)
    {
        private readonly Lazy<Task<T>> value = new(() => compute(CancellationToken.None));

        public long Version { get; } = version;

        public Task<T> Value => value.Value;
    }
}
