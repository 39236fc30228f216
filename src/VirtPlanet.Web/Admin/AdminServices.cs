using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Admin;

public static class AdminServices
{
    /// <summary>Sign-in (cookie, rate limited), the admin policy, and the services behind the admin pages.</summary>
    public static IServiceCollection AddPlanetAdmin(this IServiceCollection services)
    {
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AdminAccounts>();
        services.AddSingleton<AdminCookieEvents>();
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AdminOptions>>((cookie, admin) =>
            {
                cookie.Cookie.Name = "VirtPlanet.Admin";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = admin.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = AdminAuth.SignInPath;
                cookie.LogoutPath = AdminAuth.SignOutPath;
                cookie.AccessDeniedPath = AdminAuth.SignInPath;
                cookie.EventsType = typeof(AdminCookieEvents);
            });
        services.AddAuthorizationBuilder()
            .AddPolicy(AdminAuth.Policy, policy => policy.RequireAuthenticatedUser().RequireRole(AdminAuth.Role));
        services.AddCascadingAuthenticationState();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(AdminAuth.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = context.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.SignInAttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = (context, cancellationToken) => SignInEndpoints.TooManyAttemptsAsync(context.HttpContext, cancellationToken);
        });

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddTransient<FeedDiscovery>();
        services.AddTransient<FeedPreviewer>();
        services.AddSingleton<AdminFeeds>();
        services.AddSingleton<OpmlImportPlanner>();
        services.AddTransient<PollNow>();
        return services;
    }
}
