using Serilog;
using VirtPlanet.Web;
using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Cli;
using VirtPlanet.Web.Components;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Health;
using VirtPlanet.Web.Posts;
using VirtPlanet.Web.Syndication;

PlanetCommandLine.PrepareProcess(args);
try
{
    var builder = WebApplication.CreateBuilder(PlanetCommandLine.HostArguments(args));
    builder.AddVirtPlanet();

    var app = builder.Build();
    app.Services.ValidateOnStart();

    if (PlanetCommandLine.IsCommand(args))
    {
        return await PlanetCommandLine.RunAsync(app.Services, args);
    }

    await app.Services.PrepareDatabaseAsync();
    app.Services.SchedulePolling();

    // The host's own logger (PlanetServices keeps Serilog's static one out of it), not the static one it would take.
    app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
    if (!app.Environment.IsDevelopment())
    {
        app.UseExceptionHandler("/error", createScopeForErrors: true);
    }

    app.UseStatusCodePagesWithReExecute("/not-found");
    app.UseStaticFiles();
    app.UseRiverETags();
    app.UseOutputCache();
    // Inside the output cache, which then keeps the compressed page: compressed once per version, not per view.
    app.UseResponseCompression();
    app.UseAuthentication();
    app.UseAuthorization();
    app.UseRateLimiter();
    app.UseAntiforgery();

    app.MapPlanetHealthChecks();
    app.MapPlanetAdmin();
    app.MapPlanetJobsDashboard();
    app.MapSyndication();
    app.MapStaticAssets();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartupFailure.IsConfigurationMistake(e))
{
    return StartupFailure.Report(e);
}

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
