using Microsoft.Extensions.Options;

namespace VirtPlanet.Web;

/// <summary>Configuration mistakes stop the planet with one clear line instead of a stack trace.</summary>
public static class StartupFailure
{
    public static bool IsConfigurationMistake(Exception e) =>
        e is OptionsValidationException or PlanetConfigurationException or Npgsql.NpgsqlException
            || (e is InvalidDataException && e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase));

    public static int Report(Exception e)
    {
        var detail = e switch
        {
            InvalidDataException { InnerException: { } inner } => $"{e.Message} {inner.Message}",
            Npgsql.NpgsqlException => $"the PostgreSQL database (Planet:Database:ConnectionString) cannot be used: {e.Message}",
            _ => e.Message,
        };
        Console.Error.WriteLine($"VirtPlanet cannot start: {detail}");
        return 1;
    }
}
