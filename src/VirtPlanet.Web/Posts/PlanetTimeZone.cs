using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Posts;

/// <summary>The zone the river's days and times are shown in (<see cref="PlanetOptions.TimeZone"/>).</summary>
public sealed class PlanetTimeZone(IOptions<PlanetOptions> options)
{
    public TimeZoneInfo Zone { get; } = TryFind(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc;

    public DateTimeOffset ToLocal(DateTime utc) => TimeZoneInfo.ConvertTime(new DateTimeOffset(utc, TimeSpan.Zero), Zone);

    public static bool TryFind(string id, out TimeZoneInfo zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = TimeZoneInfo.Utc;
            return false;
        }
    }
}
