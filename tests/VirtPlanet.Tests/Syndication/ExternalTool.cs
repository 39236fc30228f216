using System.Diagnostics;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Syndication;

/// <summary>Runs a Debian tool (jing, python3-feedparser) as a process. A missing tool fails the test: the test command installs it.</summary>
public static class ExternalTool
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{fileName}' is not installed (apt-get install jing python3-feedparser): {e.Message}", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await output + await error);
        }
    }

    /// <summary>Validates an Atom document against RFC 4287's RELAX NG schema with jing; failing with jing's complaints.</summary>
    public static async Task AssertValidAtomAsync(byte[] document)
    {
        var file = Path.Combine(Path.GetTempPath(), $"virtplanet-{Guid.NewGuid():N}.atom");
        await File.WriteAllBytesAsync(file, document);
        try
        {
            var (exitCode, output) = await RunAsync("jing", Path.Combine(RepositoryRoot.Corpus, "schemas", "atom.rng"), file);
            Assert.True(exitCode == 0, $"jing found the Atom invalid:\n{output}");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
