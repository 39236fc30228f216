using System.ComponentModel.DataAnnotations;
using Npgsql;

namespace VirtPlanet.Web.Data;

/// <summary>Where the planet and Hangfire keep their data: section <c>Planet:Database</c>.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string Section = "Planet:Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (Npgsql syntax); SQLite's files follow the data folder instead.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a Hangfire job fetched by an instance that then died stays invisible before another instance runs it.
    /// Not sliding: it also bounds how late a job a live worker fetched and lost is run (Hangfire.PostgreSql 1.21.1).
    /// The Hangfire locks a dead instance left behind (a job's state lock) expire after it too.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan JobInvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider != DatabaseProvider.PostgreSql)
        {
            yield break;
        }

        var error = string.IsNullOrWhiteSpace(ConnectionString) ? "it is missing" : null;
        try
        {
            if (error is null && string.IsNullOrEmpty(new NpgsqlConnectionStringBuilder(ConnectionString).Host))
            {
                error = "it names no Host";
            }
        }
        catch (ArgumentException e)
        {
            error = e.Message;
        }

        if (error is not null)
        {
            yield return new ValidationResult(
                $"Planet:Database:ConnectionString is required with Provider=PostgreSql and must be an Npgsql connection string " +
                $"(Host=...;Database=...;Username=...): {error}", [nameof(ConnectionString)]);
        }
    }
}
