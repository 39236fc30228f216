using Microsoft.Data.Sqlite;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>Reads a planet.db left by a planet process, as an operator would with sqlite3: no EF, no pooling.</summary>
public sealed class PlanetDatabaseFile(string dataDirectory)
{
    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    public List<long> Column(string sql) => Column<long>(sql);

    /// <summary>The first column of every row, as SQLite stores it (dates are text).</summary>
    public List<T> Column<T>(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "planet.db")};Pooling=False");
        connection.Open();
        return connection;
    }
}
