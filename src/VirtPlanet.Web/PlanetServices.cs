using Hangfire;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Configuration;
using Serilog.Settings.Configuration;
using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Data;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Health;
using VirtPlanet.Web.Posts;
using VirtPlanet.Web.Syndication;

namespace VirtPlanet.Web;

public static class PlanetServices
{
    /// <summary>
    /// Where the "Serilog" section's sinks, enrichers and formatters are looked up: every Serilog assembly the planet
    /// ships, named here instead of found by reading the dependency manifest at each start (≈ 25 ms of every command).
    /// </summary>
    public static readonly ConfigurationReaderOptions SerilogSettings = new(SerilogAssemblies());

    private static System.Reflection.Assembly[] SerilogAssemblies() =>
    [
        typeof(LoggerConfiguration).Assembly,
        typeof(ConfigurationReaderOptions).Assembly,
        typeof(ConsoleLoggerConfigurationExtensions).Assembly,
        typeof(FileLoggerConfigurationExtensions).Assembly,
        typeof(LoggerSinkConfigurationDebugExtensions).Assembly,
        typeof(Serilog.Formatting.Compact.CompactJsonFormatter).Assembly,
        typeof(Serilog.AspNetCore.RequestLoggingOptions).Assembly,
        typeof(Serilog.Extensions.Hosting.DiagnosticContext).Assembly,
        typeof(Serilog.Extensions.Logging.SerilogLoggerProvider).Assembly,
    ];

    /// <summary>Every registration of the planet, in one place.</summary>
    public static WebApplicationBuilder AddVirtPlanet(this WebApplicationBuilder builder)
    {
        // The framework's own assets (_framework/blazor.web.js) come from the build output in every environment,
        // not only Development, because the content root is the repository root when running from source.
        builder.WebHost.UseStaticWebAssets();
        // The top-level wwwroot/ (site.css, admin.css) is not in the build's static asset manifest: UseStaticFiles
        // serves it. Run from source, MapStaticAssets would add a fallback route that takes such files first and logs
        // "not found in the built time manifest" for each; a published planet has no such route either way.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        builder.UsePlanetKestrel();
        var services = builder.Services;
        services.AddOptions<PlanetOptions>().BindConfiguration(PlanetOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FetchOptions>().BindConfiguration(FetchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PollingOptions>().BindConfiguration(PollingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PlanetPaths>();
        services.AddSingleton<DatabaseChanges>();

        services.AddSerilog((sp, logger) => ReadSerilogSection(logger, builder.Configuration)
            .WriteTo.File(
                Path.Combine(sp.GetRequiredService<PlanetPaths>().LogDirectory, "virtplanet-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 14),
            // Each host writes through its own logger. Without this, every host of the process writes through the static
            // Log.Logger, which the last host built replaces (and the first one stopped closes): two planets in one process
            // (the tests run many) wrote to each other's log files.
            preserveStaticLogger: true);

        services.AddPlanetDatabase();

        services.AddFeedIngestion();
        services.AddRiver();

        services.AddPlanetJobStorage();
        services.AddHangfire((sp, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseStorage(sp.GetRequiredService<JobStorage>()));
        // A worker per feed fetched at once (as many as poll-once fetches), plus one for the job that queues them.
        services.AddHangfireServer((sp, server) => server.WorkerCount = sp.GetRequiredService<IOptions<PollingOptions>>().Value.MaxParallelism + 1);

        services.AddSyndication();
        services.AddPlanetCompression();
        services.AddPlanetHealthChecks();
        services.AddPlanetAdmin();
        services.AddRazorComponents();
        return builder;
    }

    /// <summary>Validates the configuration's keys, every options class and the data folder now, before anything touches them.</summary>
    public static void ValidateOnStart(this IServiceProvider services)
    {
        PlanetSettings.RejectUnknownKeys(services.GetRequiredService<IConfiguration>());
        services.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
        services.GetRequiredService<PlanetPaths>();
    }

    /// <summary>The "Serilog" section; a mistake in it (an unknown level, a sink without a name) is a configuration mistake.</summary>
    private static LoggerConfiguration ReadSerilogSection(LoggerConfiguration logger, IConfiguration configuration)
    {
        try
        {
            RejectUnknownSinks(configuration.GetSection("Serilog:WriteTo"));
            return logger.ReadFrom.Configuration(configuration, SerilogSettings);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or InvalidCastException)
        {
            throw new PlanetConfigurationException($"the Serilog section of the configuration cannot be used: {e.Message}", e);
        }
    }

    /// <summary>
    /// Serilog passes over a sink it cannot find, so a misspelt name ("Consle") would leave the planet logging nowhere,
    /// silently. A sink is a method of <see cref="LoggerSinkConfiguration"/>, or an extension of it in the assemblies
    /// the section is read with (<see cref="SerilogSettings"/>), as Serilog looks them up (case aside). The sinks the
    /// planet ships are looked up first: the scan of every Serilog assembly's types runs only for another name.
    /// </summary>
    private static void RejectUnknownSinks(IConfigurationSection writeTo)
    {
        var names = writeTo.GetChildren().Select(sink => sink.Value ?? sink["Name"]).OfType<string>().ToList();
        Type[] shipped = [typeof(ConsoleLoggerConfigurationExtensions), typeof(FileLoggerConfigurationExtensions), typeof(LoggerSinkConfigurationDebugExtensions)];
        if (names.All(SinkNames(shipped).Contains))
        {
            return;
        }

        var sinks = SinkNames(SerilogAssemblies().SelectMany(a => a.GetExportedTypes()).Where(t => t.IsAbstract && t.IsSealed));
        var unknown = names.First(name => !sinks.Contains(name));
        throw new InvalidOperationException(
            $"Serilog:WriteTo names a sink '{unknown}' that the planet does not have (it has {string.Join(", ", new[] { "Console", "File", "Debug" }.Where(sinks.Contains))}).");
    }

    /// <summary>The sink methods of <see cref="LoggerSinkConfiguration"/> and the extensions of it in <paramref name="classes"/>.</summary>
    private static HashSet<string> SinkNames(IEnumerable<Type> classes) =>
        typeof(LoggerSinkConfiguration).GetMethods().Select(m => m.Name)
            .Concat(classes.SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
                .Where(m => m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(LoggerSinkConfiguration))
                .Select(m => m.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
