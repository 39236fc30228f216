using System.Reflection;

namespace VirtPlanet.Web.Posts;

/// <summary>The software's name and version for the page footer, without the build's commit suffix.</summary>
public sealed class SoftwareVersion
{
    public string Name { get; } = "VirtPlanet";

    public string Version { get; } = (typeof(SoftwareVersion).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];
}
