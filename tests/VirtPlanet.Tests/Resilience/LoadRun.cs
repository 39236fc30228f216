using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// A bounded load generator: <c>connections</c> loops, each on its own connection of one shared handler, requesting
/// the paths in turn for a fixed time. Every response body is read to the end, as a browser would.
/// </summary>
public sealed class LoadRun
{
    private readonly ConcurrentDictionary<int, int> statuses = new();
    private readonly ConcurrentQueue<string> errors = new();
    private long requests;

    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Responses by status code.</summary>
    public IReadOnlyDictionary<int, int> Statuses => statuses;

    /// <summary>Requests that got no response at all (refused, reset, timed out), with why.</summary>
    public IReadOnlyCollection<string> Errors => errors;

    public TimeSpan Elapsed { get; private set; }

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    public static async Task<LoadRun> RunAsync(Uri baseUri, IReadOnlyList<string> paths, int connections, TimeSpan duration)
    {
        var run = new LoadRun();
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, AllowAutoRedirect = false, UseCookies = false };
        using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, connections).Select(loop => run.LoopAsync(client, paths, loop, clock, duration)));
        run.Elapsed = clock.Elapsed;
        return run;
    }

    private async Task LoopAsync(HttpClient client, IReadOnlyList<string> paths, int loop, Stopwatch clock, TimeSpan duration)
    {
        for (var i = loop; clock.Elapsed < duration; i++)
        {
            var path = paths[i % paths.Count];
            try
            {
                using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                errors.Enqueue($"{path}: {e.GetType().Name}: {e.Message}");
            }

            Interlocked.Increment(ref requests);
        }
    }

    public override string ToString() =>
        $"{Requests} requests in {Elapsed.TotalSeconds:F1} s = {RequestsPerSecond:F0} requests/s; " +
        string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} x {s.Key} {(HttpStatusCode)s.Key}")) +
        $"; {errors.Count} errors";
}
