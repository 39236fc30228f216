using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Diagnostics;

namespace VirtPlanet.Web.Admin;

/// <summary>
/// Pages redirect to the sign-in page; anything else (APIs, downloads, form posts) answers 401/403 so scripts see the
/// refusal. A cookie whose account was removed or whose password changed since sign-in is rejected.
/// </summary>
public sealed class AdminCookieEvents(AdminAccounts accounts) : CookieAuthenticationEvents
{
    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context) =>
        IsPageRequest(context.Request) ? base.RedirectToLogin(context) : Refuse(context, StatusCodes.Status401Unauthorized);

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        Refuse(context, StatusCodes.Status403Forbidden);

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var user = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirstValue(AdminAuth.StampClaim);
        if (user is null || stamp is null || stamp != accounts.Stamp(user))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
        }
    }

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        // The status code pages would re-execute the request as the "not found" page: wrong words, and a POST
        // re-executed there fails antiforgery (400) instead of saying 401.
        if (context.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
