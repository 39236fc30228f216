using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace VirtPlanet.Web;

/// <summary>
/// Kestrel's buffers in 64 KB blocks instead of its own pool's 4 KB ones. The planet's answers are large and come from
/// memory (a cached reading page is ≈ 600 KB at 1,000 feeds, <c>/atom.xml</c> ≈ 190 KB): in 4 KB blocks each one took
/// 46 block rentals, 46 pipe segments and 46 socket buffers, about 13 % of the CPU of serving <c>/atom.xml</c>
/// (docs/performance.md, the profile before serving round 14). Kestrel asks its pool for a factory through
/// <see cref="IMemoryPoolFactory{T}"/>, the extension point .NET 10 gives for this.
/// </summary>
/// <remarks>
/// Blocks are pinned (the sockets read and write them directly) and kept for reuse up to
/// <see cref="MaxRetainedBlocks"/>; a block returned beyond that is left to the garbage collector. Under 256
/// connections on this machine no more than 128 blocks were out at once. A block handed back twice goes back to the
/// pool once. The cost: a connection whose request is still arriving holds one 64 KB block where Kestrel's pool held
/// 4 KB per 4 KB received; a client sending its headers slowly could already make Kestrel hold up to its 32 KB header
/// limit, and <c>RequestHeadersTimeout</c> still closes such connections. 16 KB blocks measured the same as 64 KB
/// within this machine's noise (docs/performance.md).
/// </remarks>
public sealed class LargeBlockMemoryPool : MemoryPool<byte>
{
    public const int BlockSize = 64 * 1024;

    /// <summary>16 MB kept at most for reuse.</summary>
    public const int MaxRetainedBlocks = 256;

    private readonly ConcurrentQueue<Block> free = new();
    private int retained;
    private volatile bool disposed;

    public override int MaxBufferSize => BlockSize;

    /// <summary>The blocks waiting for reuse.</summary>
    internal int RetainedBlocks => Volatile.Read(ref retained);

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        // The pipes never ask for more than MaxBufferSize: larger writes go to the shared array pool instead.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref retained);
        }
        else
        {
            block = new Block(this);
        }

        block.IsRented = 1;
        return block;
    }

    protected override void Dispose(bool disposing)
    {
        disposed = true;
        free.Clear();
        Volatile.Write(ref retained, 0);
    }

    private void Return(Block block)
    {
        if (disposed)
        {
            return;
        }

        if (Interlocked.Increment(ref retained) > MaxRetainedBlocks)
        {
            Interlocked.Decrement(ref retained);
            return;
        }

        free.Enqueue(block);
    }

    private sealed class Block(LargeBlockMemoryPool pool) : IMemoryOwner<byte>
    {
        public int IsRented;

        public Memory<byte> Memory { get; } = GC.AllocateUninitializedArray<byte>(BlockSize, pinned: true);

        public void Dispose()
        {
            if (Interlocked.Exchange(ref IsRented, 0) == 1)
            {
                pool.Return(this);
            }
        }
    }
}
