using System.Reflection;

namespace VirtPlanet.Web.Posts;

/// <summary>The software's name and version for the page footer, without the build's commit suffix.</summary>
public sealed class SoftwareVersion
{
    public string Name { get; } = "VirtPlanet";

    public string Version { get; } = (typeof(SoftwareVersion).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>New with every start: a restart may bring new markup or settings for the same data.</summary>
    public string Instance { get; } = Guid.NewGuid().ToString("N");
}
