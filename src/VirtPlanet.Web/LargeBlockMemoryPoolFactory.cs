using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace VirtPlanet.Web;

/// <summary>A new <see cref="LargeBlockMemoryPool"/> for each pool Kestrel asks for (one per I/O queue of each listener).</summary>
public sealed class LargeBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new LargeBlockMemoryPool();
}
