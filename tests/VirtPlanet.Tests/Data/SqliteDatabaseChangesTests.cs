using System.Collections.Concurrent;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Data;

/// <summary>
/// <see cref="DatabaseChanges"/> on SQLite, checked from many threads at once as page views check it: they agree on one
/// version while nothing commits, and every check that starts after a commit sees a new one.
/// </summary>
public sealed class SqliteDatabaseChangesTests : IDisposable
{
    private const int Threads = 16;

    private readonly SqliteChangesFolder database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public void ConcurrentChecksAgreeOnOneVersionWhileNothingIsWritten()
    {
        var before = Version();

        var seen = CheckAtOnce(rounds: 200);

        Assert.Equal([before], seen.Distinct());
        Assert.Equal(before, Version());
    }

    [Fact]
    public void EveryCheckThatStartsAfterACommitSeesANewVersion()
    {
        CheckAtOnce(rounds: 50);
        for (var commit = 0; commit < 20; commit++)
        {
            var before = CheckAtOnce(rounds: 5).Max();

            database.Commit($"CREATE TABLE Touched{commit} (Id INTEGER);");

            Assert.All(CheckAtOnce(rounds: 5), version => Assert.True(version > before, $"commit {commit}: {version} after {before}"));
        }
    }

    private long Version() => database.Changes.VersionAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <summary>Every version <see cref="Threads"/> threads see, started together, each checking <paramref name="rounds"/> times.</summary>
    private List<long> CheckAtOnce(int rounds)
    {
        var seen = new ConcurrentBag<long>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < rounds; i++)
            {
                seen.Add(Version());
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return [.. seen];
    }
}
