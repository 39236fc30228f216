using Hangfire.Dashboard;

namespace VirtPlanet.Web.Admin;

/// <summary>The Hangfire dashboard opens to a signed-in admin only; Hangfire answers 401 (or 403) to anyone else.</summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && user.IsInRole(AdminAuth.Role);
    }
}
