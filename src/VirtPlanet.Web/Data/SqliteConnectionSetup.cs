using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Per-connection SQLite settings. In WAL mode, synchronous=NORMAL stays consistent after a crash and
/// only risks the last commits on power loss, while saving an fsync per commit: a poll commits once per feed.
/// </summary>
public sealed class SqliteConnectionSetup : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
