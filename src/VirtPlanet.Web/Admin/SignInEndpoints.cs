using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace VirtPlanet.Web.Admin;

/// <summary>The form posts of the sign-in page and the sign-out button. Both carry an antiforgery token.</summary>
public static class SignInEndpoints
{
    public static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] string? user,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        HttpContext context,
        AdminAccounts accounts,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(SignInEndpoints));
        if (string.IsNullOrEmpty(user) || string.IsNullOrEmpty(password) || !accounts.Verify(user, password))
        {
            logger.LogWarning("Admin sign-in failed for {AdminUser} from {RemoteIp}", user, context.Connection.RemoteIpAddress);
            return TypedResults.Redirect($"{AdminAuth.SignInPath}?failed=true{ReturnQuery(returnUrl)}");
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.Role, AdminAuth.Role), new Claim(AdminAuth.StampClaim, accounts.Stamp(user)!)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(new ClaimsPrincipal(identity));
        logger.LogInformation("Admin {AdminUser} signed in from {RemoteIp}", user, context.Connection.RemoteIpAddress);
        return TypedResults.Redirect(IsAdminPath(returnUrl) ? returnUrl! : "/admin");
    }

    /// <summary>No form field to bind, so the antiforgery token is checked here rather than by form binding.</summary>
    public static async Task<Results<RedirectHttpResult, BadRequest<string>>> SignOutAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
        {
            return TypedResults.BadRequest("The sign-out form has expired: reload the page and sign out again.");
        }

        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.Redirect("/");
    }

    /// <summary>The rate limiter's answer: a page a person can read, with the standard status and Retry-After.</summary>
    public static async ValueTask TooManyAttemptsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        context.Response.Headers.RetryAfter = "60";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            """
            <!DOCTYPE html><html lang="en"><head><title>Too many sign-in attempts</title><link rel="stylesheet" href="/site.css"></head>
            <body><main><h2>Too many sign-in attempts</h2>
            <p>This address tried to sign in too often. Wait a minute, then <a href="/admin/signin">try again</a>.</p></main></body></html>
            """,
            cancellationToken);
    }

    /// <summary>Only local admin paths: never an open redirect to another site (<c>//evil.example</c>).</summary>
    private static bool IsAdminPath(string? url) =>
        url is not null && url.StartsWith("/admin", StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal) && !url.Contains('\\');

    private static string ReturnQuery(string? returnUrl) =>
        IsAdminPath(returnUrl) ? $"&returnUrl={Uri.EscapeDataString(returnUrl!)}" : string.Empty;
}
