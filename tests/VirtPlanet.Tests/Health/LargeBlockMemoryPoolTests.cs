using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VirtPlanet.Web;

namespace VirtPlanet.Tests.Health;

/// <summary>The pool Kestrel's sockets take their buffers from: the planet's answers leave the process through it.</summary>
public sealed class LargeBlockMemoryPoolTests
{
    [Fact]
    public void ABlockHoldsAWholeSixtyFourKilobytesAndIsReusedOnceReturned()
    {
        using var pool = new LargeBlockMemoryPool();

        var first = pool.Rent(4096);
        var memory = first.Memory;
        first.Dispose();
        using var second = pool.Rent();

        Assert.Equal(64 * 1024, memory.Length);
        Assert.True(second.Memory.Span == memory.Span, "the returned block was not reused");
    }

    [Fact]
    public void ABlockReturnedTwiceIsHandedOutToOneRenterOnly()
    {
        using var pool = new LargeBlockMemoryPool();

        var block = pool.Rent();
        block.Dispose();
        block.Dispose();
        using var first = pool.Rent();
        using var second = pool.Rent();

        Assert.False(first.Memory.Span == second.Memory.Span, "two renters share one block");
    }

    [Fact]
    public void NoMoreThanSixteenMegabytesAreKeptForReuse()
    {
        using var pool = new LargeBlockMemoryPool();

        var blocks = Enumerable.Range(0, LargeBlockMemoryPool.MaxRetainedBlocks + 50).Select(_ => pool.Rent()).ToList();
        blocks.ForEach(b => b.Dispose());

        Assert.Equal(16 * 1024 * 1024, pool.RetainedBlocks * LargeBlockMemoryPool.BlockSize);
    }

    [Fact]
    public void MoreThanABlockIsRefusedSoThatPipesTakeLargeBuffersElsewhere()
    {
        using var pool = new LargeBlockMemoryPool();

        Assert.Equal(LargeBlockMemoryPool.BlockSize, pool.MaxBufferSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LargeBlockMemoryPool.BlockSize + 1));
    }

    [Fact]
    public void BlocksReturnedAfterThePoolIsDisposedAreNotKept()
    {
        var pool = new LargeBlockMemoryPool();
        var block = pool.Rent();

        pool.Dispose();
        block.Dispose();

        Assert.Equal(0, pool.RetainedBlocks);
        Assert.Throws<ObjectDisposedException>(() => pool.Rent());
    }

    [Fact]
    public async Task ThePlanetsKestrelTakesItsBuffersFromThisPoolAndRunsEachRequestOnTheThreadThatReadIt()
    {
        // Built as Program builds it: the test host (WebApplicationFactory) registers Kestrel again after the app.
        var folder = Directory.CreateTempSubdirectory("virtplanet-kestrel-").FullName;
        try
        {
            var builder = WebApplication.CreateBuilder([$"--Planet:DataDirectory={folder}"]);
            builder.AddVirtPlanet();
            await using var app = builder.Build();

            Assert.IsType<LargeBlockMemoryPoolFactory>(app.Services.GetRequiredService<IMemoryPoolFactory<byte>>());
            Assert.True(app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
