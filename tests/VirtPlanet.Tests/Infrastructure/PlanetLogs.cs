namespace VirtPlanet.Tests.Infrastructure;

/// <summary>The planet's own log files (the data folder's logs/), read while the planet may still be writing them.</summary>
public static class PlanetLogs
{
    /// <summary>The warning and error lines; none when nothing was logged yet (the file sink creates the file with its first line).</summary>
    public static IReadOnlyList<string> Problems(string dataDirectory)
    {
        var logs = Path.Combine(dataDirectory, "logs");
        if (!Directory.Exists(logs))
        {
            return [];
        }

        return Directory.GetFiles(logs)
            .SelectMany(f =>
            {
                using var reader = new StreamReader(new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
                return reader.ReadToEnd().Split('\n');
            })
            .Where(line => line.Contains("[WRN]", StringComparison.Ordinal) || line.Contains("[ERR]", StringComparison.Ordinal))
            .ToList();
    }
}
