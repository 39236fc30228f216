namespace VirtPlanet.Web.Data;

/// <summary>A value computed from the database, kept until <see cref="DatabaseChanges"/> reports a commit.</summary>
public sealed class Memo<T>(DatabaseChanges changes)
    where T : class
{
    private volatile Entry? last;

    public async Task<T> GetAsync(Func<CancellationToken, Task<T>> compute, CancellationToken cancellationToken)
    {
        // Read before computing: a commit racing the computation leaves an older version beside newer content,
        // so the next call computes again; never the reverse.
        var version = await changes.VersionAsync(cancellationToken);
        if (last is { } entry && entry.Version == version)
        {
            return entry.Value;
        }

        var value = await compute(cancellationToken);
        last = new Entry(version, value);
        return value;
    }

    private sealed record Entry(long Version, T Value);
}
