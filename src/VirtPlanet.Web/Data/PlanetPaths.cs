using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Data;

/// <summary>Where the planet keeps its files, all under <see cref="PlanetOptions.DataDirectory"/>.</summary>
public sealed class PlanetPaths
{
    public PlanetPaths(IOptions<PlanetOptions> options, IHostEnvironment environment)
    {
        DataDirectory = Path.GetFullPath(options.Value.DataDirectory, environment.ContentRootPath);
        try
        {
            Directory.CreateDirectory(DataDirectory);
            var probe = Path.Combine(DataDirectory, ".write-test");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PlanetConfigurationException(
                $"the data folder '{DataDirectory}' (Planet:DataDirectory) cannot be created or written: {e.Message}", e);
        }
    }

    public string DataDirectory { get; }

    public string PlanetDatabase => Path.Combine(DataDirectory, "planet.db");

    public string HangfireDatabase => Path.Combine(DataDirectory, "hangfire.db");

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    /// <summary>A busy database is waited for (Default Timeout), not failed at once: the poller and the site share it.</summary>
    public string PlanetConnectionString => $"Data Source={PlanetDatabase};Default Timeout=30;Pooling=True";
}
