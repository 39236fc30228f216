namespace VirtPlanet.Web.Admin;

/// <summary>The names the admin area's authentication, authorization and rate limiting are registered under.</summary>
public static class AdminAuth
{
    public const string Policy = "Admin";

    public const string Role = "planet-admin";

    /// <summary>Claim holding <see cref="AdminAccounts.Stamp"/> at sign-in.</summary>
    public const string StampClaim = "planet-admin-stamp";

    public const string SignInRateLimit = "admin-sign-in";

    public const string SignInPath = "/admin/signin";

    /// <summary>Where the sign-in form posts (the page's own path belongs to the page's endpoint).</summary>
    public const string SignInPostPath = "/admin/account/signin";

    public const string SignOutPath = "/admin/account/signout";
}
