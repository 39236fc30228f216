using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VirtPlanet.Web;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Data;

/// <summary><see cref="Memo{T}"/> over a real SQLite file: one computation per version, shared; failures and commits recompute.</summary>
public sealed class MemoTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "virtplanet-tests", Guid.NewGuid().ToString("N"));
    private readonly DatabaseChanges changes;
    private int computations;

    public MemoTests()
    {
        var paths = new PlanetPaths(Options.Create(new PlanetOptions { DataDirectory = folder }), new HostingEnvironment { ContentRootPath = folder });
        changes = new DatabaseChanges(paths, Options.Create(new DatabaseOptions()), NullLogger<DatabaseChanges>.Instance);
    }

    public void Dispose()
    {
        changes.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task ConcurrentCallsOfOneVersionShareOneComputation()
    {
        var memo = new Memo<string>(changes);
        var gate = new TaskCompletionSource();

        var calls = Enumerable.Range(0, 10).Select(_ => memo.GetAsync(async _ =>
        {
            Interlocked.Increment(ref computations);
            await gate.Task;
            return "fingerprint";
        }, CancellationToken.None)).ToList();
        gate.SetResult();

        Assert.All(await Task.WhenAll(calls), value => Assert.Equal("fingerprint", value));
        Assert.Equal(1, computations);
    }

    [Fact]
    public async Task AFailedComputationIsNotKept()
    {
        var memo = new Memo<string>(changes);

        await Assert.ThrowsAsync<InvalidOperationException>(() => memo.GetAsync(_ => Compute(fail: true), CancellationToken.None));
        var value = await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None);

        Assert.Equal("computed 2", value);
    }

    [Fact]
    public async Task ACommitFromAnotherConnectionMeansANewComputation()
    {
        var memo = new Memo<string>(changes);
        var before = await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None);
        Assert.Equal(before, await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None));

        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "planet.db")}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Touched (Id INTEGER);";
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal("computed 2", await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None));
    }

    private Task<string> Compute(bool fail)
    {
        var count = Interlocked.Increment(ref computations);
        return fail ? Task.FromException<string>(new InvalidOperationException("database gone")) : Task.FromResult($"computed {count}");
    }
}
