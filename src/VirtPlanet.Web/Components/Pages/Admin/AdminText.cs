using System.Globalization;

namespace VirtPlanet.Web.Components.Pages.Admin;

/// <summary>How the admin pages write dates: UTC, to the minute, a dash for never.</summary>
public static class AdminText
{
    public static string When(DateTime? utc) =>
        utc is null ? "—" : utc.Value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"1 feed", "2 feeds": the summaries count single items often.</summary>
    public static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
