using System.Reflection;

namespace VirtPlanet.Web.Posts;

/// <summary>The software's name and version for the page footer, without the build's commit suffix.</summary>
public sealed class SoftwareVersion
{
    public string Name { get; } = "VirtPlanet";

    public string Version { get; } = (typeof(SoftwareVersion).Assembly
        .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>Identifies this exact build (the same on every instance running it): new markup means new ETags.</summary>
    public string Build { get; } = typeof(SoftwareVersion).Assembly.ManifestModule.ModuleVersionId.ToString("N");
}
