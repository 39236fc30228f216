using System.Diagnostics;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>The planet as a real process (<c>dotnet VirtPlanet.Web.dll ...</c>), for start-up and command-line behaviour end to end.</summary>
public static class PlanetProcess
{
    public static Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string>(), args);

    /// <summary>As <see cref="RunAsync(string, TimeSpan, string[])"/>, with these variables added to the environment.</summary>
    public static async Task<(int ExitCode, string StandardOutput, string StandardError)> RunAsync(
        string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "VirtPlanet.Web.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the planet did not exit within {timeout}");
        }

        return (process.ExitCode, await output, await error);
    }
}
