using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web;

/// <summary>Configuration mistakes stop the planet with one clear line instead of a stack trace.</summary>
public static class StartupFailure
{
    public static bool IsConfigurationMistake(Exception e) =>
        e is OptionsValidationException or PlanetConfigurationException or Npgsql.NpgsqlException
            || (e is InvalidDataException && e.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
            || IsUnconvertibleValue(e)
            || IsUnusableAddress(e);

    public static int Report(Exception e)
    {
        var detail = e switch
        {
            InvalidDataException { InnerException: { } inner } => $"{e.Message} {inner.Message}",
            InvalidOperationException { InnerException: { } inner } => $"{e.Message} {inner.Message}",
            Npgsql.NpgsqlException => $"the PostgreSQL database (Planet:Database:ConnectionString) cannot be used: {e.Message}",
            _ when IsUnusableAddress(e) => $"the address to listen on (--urls) cannot be used: {e.Message}",
            _ => e.Message,
        };
        Console.Error.WriteLine($"VirtPlanet cannot start: {detail}");
        return 1;
    }

    /// <summary>
    /// A setting whose text is not of its type (a word where a number or a time span goes). The binder, reflection or
    /// source-generated, says so in an InvalidOperationException that names the key, around the parser's exception.
    /// </summary>
    private static bool IsUnconvertibleValue(Exception e) =>
        e is InvalidOperationException { InnerException: FormatException or OverflowException or InvalidCastException or ArgumentException }
            && e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal);

    /// <summary>Kestrel refusing <c>--urls</c>: not a URL, or a port another process holds.</summary>
    private static bool IsUnusableAddress(Exception e) =>
        (e is FormatException && e.TargetSite?.DeclaringType == typeof(BindingAddress))
            || e is IOException { InnerException: AddressInUseException };
}
