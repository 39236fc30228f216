using System.ComponentModel.DataAnnotations;

namespace VirtPlanet.Web.Admin;

/// <summary>The admin area: section <c>Planet:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string Section = "Planet:Admin";

    /// <summary>
    /// User name → password hash (ASP.NET Core <c>PasswordHasher</c> format). <c>set-admin-password</c> writes to
    /// <see cref="AdminAccounts.FileName"/> in the data folder instead; both are read, the file wins.
    /// </summary>
    public Dictionary<string, string> Users { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Sign-in attempts allowed per client address and minute.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 5;

    /// <summary>How long a sign-in lasts without activity (the cookie slides).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
