using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Cli;

/// <summary>
/// A verb is a process of a few seconds: it compiles none of the code the runtime generates to pay off over a long
/// run. The runtime's own JIT summary (<c>DOTNET_JitDisasmSummary</c>) lists every method it compiled.
/// </summary>
public sealed class ShortLivedProcessTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("virtplanet-jit-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task AVerbCompilesNeitherDependencyInjectionResolversNorReflectionStubs()
    {
        var summary = Path.Combine(folder, "jit.txt");
        var environment = new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = summary, ["DOTNET_JitDisasmSummary"] = "1" };

        var (exit, _, error) = await PlanetProcess.RunAsync(folder, TimeSpan.FromSeconds(60), environment,
            "list-feeds", $"--Planet:DataDirectory={folder}/data", "--Planet:SeedDefaultFeeds=false");

        Assert.True(exit == 0, error);
        var compiled = await File.ReadAllLinesAsync(summary);
        Assert.Contains(compiled, line => line.Contains("JIT compiled", StringComparison.Ordinal));
        Assert.DoesNotContain(compiled, line => line.Contains("ILEmitResolverBuilder", StringComparison.Ordinal));
        Assert.DoesNotContain(compiled, line => line.Contains("InvokeStub_", StringComparison.Ordinal));
    }
}
