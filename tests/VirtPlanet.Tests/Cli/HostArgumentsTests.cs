using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using VirtPlanet.Web.Cli;

namespace VirtPlanet.Tests.Cli;

/// <summary>A verb reads appsettings once; only the long-running site watches it for changes.</summary>
public sealed class HostArgumentsTests
{
    [Theory]
    [InlineData("poll-once")]
    [InlineData("list-feeds")]
    [InlineData("set-admin-password")]
    public void VerbsReadTheirSettingsFilesWithoutWatchingThem(string verb) =>
        Assert.All(JsonSources([verb, "--Planet:DataDirectory=/nowhere"]), s => Assert.False(s.ReloadOnChange));

    [Fact]
    public void TheSiteStillWatchesItsSettingsFiles() =>
        Assert.All(JsonSources(["--urls", "http://127.0.0.1:0"]), s => Assert.True(s.ReloadOnChange));

    private static List<JsonConfigurationSource> JsonSources(string[] args)
    {
        var builder = WebApplication.CreateBuilder(PlanetCommandLine.HostArguments(args));
        var sources = ((IConfigurationBuilder)builder.Configuration).Sources.OfType<JsonConfigurationSource>().ToList();
        Assert.NotEmpty(sources);
        return sources;
    }
}
