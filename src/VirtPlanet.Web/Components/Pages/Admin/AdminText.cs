using System.Globalization;

namespace VirtPlanet.Web.Components.Pages.Admin;

/// <summary>How the admin pages write dates: UTC, to the minute, a dash for never.</summary>
public static class AdminText
{
    public static string When(DateTime? utc) =>
        utc is null ? "—" : utc.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
