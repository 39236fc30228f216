using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;
using VirtPlanet.Web.Syndication;

namespace VirtPlanet.Web;

/// <summary>
/// The sections of the "Planet" configuration and the options class each one binds to. The binder ignores a key that
/// no option has, so a misspelt one (<c>Planet:Polling:MaxParalelism</c>) would leave the planet running on the
/// default without a word: start-up refuses it instead, naming it. A section missing from this list would be refused
/// as an unknown key of its parent, and <c>appsettings.json</c> lists every section: no start would get past it.
/// </summary>
public static class PlanetSettings
{
    private static readonly Dictionary<string, Type> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [PlanetOptions.Section] = typeof(PlanetOptions),
        [DatabaseOptions.Section] = typeof(DatabaseOptions),
        [FetchOptions.Section] = typeof(FetchOptions),
        [ContentOptions.Section] = typeof(ContentOptions),
        [PollingOptions.Section] = typeof(PollingOptions),
        [RiverOptions.Section] = typeof(RiverOptions),
        [SyndicationOptions.Section] = typeof(SyndicationOptions),
        [AdminOptions.Section] = typeof(AdminOptions),
    };

    /// <summary>Throws a <see cref="PlanetConfigurationException"/> naming the first key of a section that is neither a setting nor a section.</summary>
    public static void RejectUnknownKeys(IConfiguration configuration)
    {
        foreach (var (section, type) in Sections)
        {
            var known = Names(section, type);
            var unknown = configuration.GetSection(section).GetChildren().FirstOrDefault(key => !known.Contains(key.Key, StringComparer.OrdinalIgnoreCase));
            if (unknown is not null)
            {
                throw new PlanetConfigurationException($"{unknown.Path} is not a setting of the planet ({section} has {string.Join(", ", known)})");
            }
        }
    }

    /// <summary>What a section may hold: its options' settable properties (as the binder binds them), then its sub-sections.</summary>
    private static List<string> Names(string section, Type type) =>
    [
        .. type.GetProperties().Where(property => property.SetMethod is { IsPublic: true }).Select(property => property.Name),
        .. Sections.Keys.Where(other => other.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)).Select(other => other[(section.Length + 1)..]),
    ];
}
