using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace VirtPlanet.Web.Data;

/// <summary>
/// The writes of concurrent feeds (a lease taken or released, a feed's row after a 304 or a failure, a feed's new
/// posts with its row), committed together on SQLite: whatever queued while the previous transaction ran goes into
/// the next one, on one context. SQLite has one writer, so a poll's writes form a line anyway; this shortens the line
/// to one commit per group instead of one per write. A row saved alone (<see cref="SaveAsync"/>) is one prepared
/// <c>UPDATE</c> (<see cref="PreparedWrites"/>). Each write still sees its own result (the rows it changed) and fails
/// alone: SQLite undoes only the failing statement, and a failed write's tracked entities are dropped before the next
/// one runs. A write of several
/// statements that must all be stored or none (<see cref="RunAtomicAsync"/>) rolls its group back when it fails, and
/// every write of that group is then run again in a transaction of its own.
/// A caller's task ends when its group is committed. On PostgreSQL, which writes concurrently, each write runs on
/// its own context at once.
/// </summary>
public sealed class WriteQueue : IAsyncDisposable
{
    /// <summary>Most writes per transaction: a bound on how long the first of a group waits for the commit.</summary>
    private const int MaxGroup = 128;

    private readonly IDbContextFactory<PlanetDbContext> dbFactory;
    private readonly WriteGate gate;
    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lazy<Task> writer;

    public WriteQueue(IDbContextFactory<PlanetDbContext> dbFactory, WriteGate gate)
    {
        this.dbFactory = dbFactory;
        this.gate = gate;
        writer = new Lazy<Task>(() => Task.Run(WriteGroupsAsync));
    }

    /// <summary>Runs <paramref name="write"/> in a transaction shared with other queued writes; returns its result once committed.</summary>
    public async Task<T> RunAsync<T>(Func<PlanetDbContext, CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        // Where the gate lets every writer through, there is no line to share.
        if (!gate.Serializes)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await write(db, cancellationToken);
        }

        var pending = new Pending<T>(write);
        Enqueue(pending);
        return await pending.Result;
    }

    /// <summary>
    /// Saves <paramref name="properties"/> of a row that no context tracks, committed with the other writes queued
    /// meanwhile (on SQLite, by a prepared <c>UPDATE</c> of those columns). Returns once committed.
    /// </summary>
    public async Task SaveAsync<TEntity>(TEntity row, IReadOnlyList<string> properties, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (!gate.Serializes)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            AttachModified(db, row, properties);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        var save = new RowSave(row, properties);
        Enqueue(save);
        await save.Result;
    }

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction shared with other queued writes, all of it or none: when it throws,
    /// the shared transaction is rolled back and each write of the group is run again in a transaction of its own, so
    /// that only the failing one fails. It may therefore run twice, and must not depend on what a first run did. Returns
    /// once committed; throws what the write threw.
    /// </summary>
    public async Task RunAtomicAsync(Func<PlanetDbContext, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (!gate.Serializes)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await write(db, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        var pending = new AtomicWrite(write);
        Enqueue(pending);
        await pending.Result;
    }

    /// <summary>Tracks <paramref name="row"/>, which no context tracks, with only <paramref name="properties"/> to be saved.</summary>
    public static void AttachModified(PlanetDbContext db, object row, IEnumerable<string> properties)
    {
        var entry = db.Entry(row);
        entry.State = EntityState.Unchanged;
        foreach (var name in properties)
        {
            entry.Property(name).IsModified = true;
        }
    }

    /// <summary>Queues a write and makes sure the writer runs.</summary>
    private void Enqueue(Pending pending)
    {
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(WriteQueue));
        }

        _ = writer.Value;
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        if (writer.IsValueCreated)
        {
            await writer.Value;
        }
    }

    private async Task WriteGroupsAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (await queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && queue.Reader.TryRead(out var pending))
            {
                group.Add(pending);
            }

            await WriteGroupAsync(group);
        }
    }

    private async Task WriteGroupAsync(List<Pending> group)
    {
        try
        {
            using (await gate.EnterAsync(CancellationToken.None))
            {
                if (!await TryWriteTogetherAsync(group))
                {
                    // An all-or-nothing write failed and the group was rolled back: each write again, on its own.
                    foreach (var pending in group)
                    {
                        await WriteAloneAsync(pending);
                    }
                }
            }
        }
        catch (Exception e)
        {
            // Nothing of the group was committed: every write in it fails, not only the one that broke it.
            group.ForEach(p => p.Fail(e));
            return;
        }

        group.ForEach(p => p.Complete());
    }

    /// <summary>The group in one transaction; false, with nothing committed, when an all-or-nothing write in it failed.</summary>
    private async Task<bool> TryWriteTogetherAsync(List<Pending> group)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var pending in group)
        {
            if (!await pending.RunAsync(db))
            {
                return false;
            }

            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>A write of a rolled-back group in a transaction of its own; one that already failed in the group keeps its error.</summary>
    private async Task WriteAloneAsync(Pending pending)
    {
        if (pending.IsDone)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (await pending.RunAsync(db))
        {
            await transaction.CommitAsync();
            pending.Complete();
            return;
        }

        // Rolled back when the transaction is disposed.
        pending.Fail(pending.RollbackCause!);
    }

    private abstract class Pending
    {
        /// <summary>True once the caller has its answer: a write that failed on its own is not run again.</summary>
        public abstract bool IsDone { get; }

        /// <summary>What an all-or-nothing write threw when it returned false from <see cref="RunAsync"/>.</summary>
        public Exception? RollbackCause { get; protected set; }

        /// <summary>
        /// Runs the write; a write that throws is failed at once and does not stop the group (true), except an
        /// all-or-nothing write, whose failure rolls the group back (false).
        /// </summary>
        public abstract Task<bool> RunAsync(PlanetDbContext db);

        public abstract void Complete();

        public abstract void Fail(Exception error);
    }

    private sealed class Pending<T>(Func<PlanetDbContext, CancellationToken, Task<T>> write) : Pending
    {
        private readonly TaskCompletionSource<T> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? result;

        public Task<T> Result => completion.Task;

        public override bool IsDone => completion.Task.IsCompleted;

        public override async Task<bool> RunAsync(PlanetDbContext db)
        {
            try
            {
                result = await write(db, CancellationToken.None);
            }
            catch (Exception e)
            {
                completion.TrySetException(e);
            }

            return true;
        }

        /// <summary>A write that already failed keeps its own error.</summary>
        public override void Complete() => completion.TrySetResult(result!);

        public override void Fail(Exception error) => completion.TrySetException(error);
    }

    /// <summary>A write whose caller waits for no value: its completion, shared by the two kinds below.</summary>
    private abstract class WriteWithoutResult : Pending
    {
        private readonly TaskCompletionSource completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Result => completion.Task;

        public override bool IsDone => completion.Task.IsCompleted;

        public override void Complete() => completion.TrySetResult();

        public override void Fail(Exception error) => completion.TrySetException(error);
    }

    private sealed class AtomicWrite(Func<PlanetDbContext, CancellationToken, Task> write) : WriteWithoutResult
    {
        /// <summary>Alone, a failure fails the write; in a group, it only rolls the group back (and the write runs again alone).</summary>
        public override async Task<bool> RunAsync(PlanetDbContext db)
        {
            try
            {
                await write(db, CancellationToken.None);
                return true;
            }
            catch (Exception e)
            {
                RollbackCause = e;
                return false;
            }
        }
    }

    private sealed class RowSave(object row, IReadOnlyList<string> properties) : WriteWithoutResult
    {
        /// <summary>Saves this row; only its own statement is undone when it fails.</summary>
        public override async Task<bool> RunAsync(PlanetDbContext db)
        {
            try
            {
                await PreparedWrites.UpdateAsync(db, row, properties, CancellationToken.None);
            }
            catch (Exception e)
            {
                Fail(e);
            }

            return true;
        }
    }
}
