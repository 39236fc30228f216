using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Data;

/// <summary><see cref="Memo{T}"/> over a real SQLite file: one computation per version, shared; failures and commits recompute.</summary>
public sealed class MemoTests : IDisposable
{
    private readonly SqliteChangesFolder database = new();
    private int computations;

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task ConcurrentCallsOfOneVersionShareOneComputation()
    {
        var memo = new Memo<string>(database.Changes);
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
        var memo = new Memo<string>(database.Changes);

        await Assert.ThrowsAsync<InvalidOperationException>(() => memo.GetAsync(_ => Compute(fail: true), CancellationToken.None));
        var value = await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None);

        Assert.Equal("computed 2", value);
    }

    [Fact]
    public async Task ACommitFromAnotherConnectionMeansANewComputation()
    {
        var memo = new Memo<string>(database.Changes);
        var before = await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None);
        Assert.Equal(before, await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None));

        database.Commit("CREATE TABLE Touched (Id INTEGER);");

        Assert.Equal("computed 2", await memo.GetAsync(_ => Compute(fail: false), CancellationToken.None));
    }

    private Task<string> Compute(bool fail)
    {
        var count = Interlocked.Increment(ref computations);
        return fail ? Task.FromException<string>(new InvalidOperationException("database gone")) : Task.FromResult($"computed {count}");
    }
}
