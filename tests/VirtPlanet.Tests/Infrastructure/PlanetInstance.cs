using System.Diagnostics;
using System.Net;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>A running planet web process (<c>dotnet VirtPlanet.Web.dll --urls ...</c>) on a free loopback port, killed at the end.</summary>
public sealed class PlanetInstance : IAsyncDisposable
{
    private readonly Process process;

    private PlanetInstance(Process process, string folder, Uri baseUri)
    {
        this.process = process;
        DataDirectory = folder;
        BaseUri = baseUri;
        Client = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUri { get; }

    /// <summary>The instance's data folder, also its working directory.</summary>
    public string DataDirectory { get; }

    public HttpClient Client { get; }

    public bool HasExited => process.HasExited;

    /// <summary>Starts the process with the given configuration switches (<c>--Planet:...=...</c>), its own data folder as working directory.</summary>
    public static PlanetInstance Start(params string[] settings)
    {
        var folder = Directory.CreateTempSubdirectory("virtplanet-instance-").FullName;
        var baseUri = new Uri($"http://127.0.0.1:{LoopbackPort.Free()}/");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VirtPlanet.Web.dll"));
        foreach (var arg in (string[])["--urls", baseUri.AbsoluteUri.TrimEnd('/'), $"--Planet:DataDirectory={folder}", .. settings])
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        // Drain the output so that a chatty process never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new PlanetInstance(process, folder, baseUri);
    }

    /// <summary>Waits until <c>/healthz</c> answers 200: the migrations ran and Hangfire's server is starting.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await Client.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the planet at {BaseUri} did not become healthy within {timeout} (exited: {process.HasExited})");
    }

    /// <summary>The warnings and errors in the instance's own log files, for a failure message.</summary>
    public IReadOnlyList<string> LoggedProblems() => PlanetLogs.Problems(DataDirectory);

    /// <summary>SIGKILL: no chance to finish or clean up.</summary>
    public async Task KillAsync()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!process.HasExited)
        {
            await KillAsync();
        }

        process.Dispose();
        Directory.Delete(DataDirectory, recursive: true);
    }
}
