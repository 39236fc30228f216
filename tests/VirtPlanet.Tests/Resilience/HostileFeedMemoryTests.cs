using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using VirtPlanet.Tests.Infrastructure;
using Xunit.Abstractions;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// The bombs of the hostile corpus polled by a planet process of its own, so its peak memory is the poller's alone
/// (the test process hosts many planets and browsers at once): it stays bounded, nowhere near the bombs' sizes.
/// </summary>
public sealed class HostileFeedMemoryTests(ITestOutputHelper log) : IAsyncLifetime
{
    // Measured here: about 185 MiB for the bombs alone (the runtime's own share is about 150), about 415 MiB with the
    // 10,000-entry feed and the 5 MB entry stored too. Decompressing the 256 MiB gzip bomb into memory, or holding the
    // 50 MB body, would break this bound.
    private const long Bound = 512L * 1024 * 1024;

    private static readonly string[] Bombs =
        ["/gzip-bomb.xml", "/fifty-megabytes.xml", "/billion-laughs.xml", "/ten-thousand-entries.xml", "/five-megabyte-entry.xml", "/xxe-file.xml"];

    private readonly string folder = Directory.CreateTempSubdirectory("virtplanet-bombs-").FullName;
    private FeedServer server = null!;

    public async Task InitializeAsync() => server = await FeedServer.StartAsync(app =>
    {
        HostileFeeds.Map(app);
        app.MapGet("/bombs.opml", (HttpContext context) => TestOpml.Of(context, "bombs", Bombs.Select(b => (b, b))));
    });

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task PollingTheBombsKeepsThePollersPeakMemoryBounded()
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "VirtPlanet.Web.dll"), "poll-once", "--opml", server.Url("/bombs.opml").AbsoluteUri,
            $"--Planet:DataDirectory={folder}", "--Planet:NewFeedItems=0", "--Planet:Fetch:AllowPrivateAddresses=true",
        ];
        args.ToList().ForEach(start.ArgumentList.Add);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (!process.HasExited && !timeout.IsCancellationRequested)
        {
            try
            {
                // VmHWM: the kernel's high-water mark of the process's resident memory.
                process.Refresh();
                peak = Math.Max(peak, process.PeakWorkingSet64);
            }
            catch (InvalidOperationException) when (process.HasExited)
            {
                // It exited between the check and the read: the last reading stands.
                break;
            }

            await Task.Delay(25);
        }

        await process.WaitForExitAsync(timeout.Token);
        log.WriteLine($"poll-once over {Bombs.Length} bombs: peak resident memory {peak / 1024 / 1024} MiB");
        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains($"{Bombs.Length} feeds polled", await output);
        Assert.True(peak < Bound, $"peak resident memory {peak / 1024 / 1024} MiB");
    }
}
