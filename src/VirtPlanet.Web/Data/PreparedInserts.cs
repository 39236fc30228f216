using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Stores many new rows of one entity type in the caller's transaction: a poll's new posts, an OPML import's feeds. On
/// SQLite they go through one prepared <c>INSERT</c>, bound once per row, each row's id read from the connection
/// afterwards (<c>last_insert_rowid</c>). EF Core's <c>SaveChanges</c> sends one command per row on SQLite, built,
/// parsed and planned again for every save, and tracks every row: going around it took a cold poll of 1,000 feeds from
/// 8.1-9.0 to 5.8-6.4 s (docs/performance.md, poll round 15), and an import of 1,000 feeds from ≈ 0.25 to ≈ 0.03 s
/// (round 35). SQLite runs a <c>RETURNING</c> clause through its trigger machinery: 20,000 post inserts took ≈ 15 %
/// longer with one. The statement is built from EF Core's model (table, columns, value converters), so a row is stored
/// as <c>SaveChanges</c> would store it; PreparedInsertsTests compares the two row by row. On PostgreSQL the rows go
/// through <c>SaveChanges</c>, which sends them in one batch.
/// </summary>
public static class PreparedInserts
{
    /// <summary>Inserts <paramref name="rows"/> and sets their ids. Needs a transaction on SQLite; on PostgreSQL it tracks them for the caller's <c>SaveChanges</c>.</summary>
    public static async Task InsertAsync<TEntity>(PlanetDbContext db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!db.Database.IsSqlite())
        {
            db.Set<TEntity>().AddRange(rows);
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException($"New {typeof(TEntity).Name} rows are inserted in the caller's transaction.");
        var statement = Statement.For(db.Model, typeof(TEntity));
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        var parameters = statement.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = statement.Columns[i].Value(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            statement.SetId(row, SQLitePCL.raw.sqlite3_last_insert_rowid(transaction.Connection.Handle));
        }
    }

    /// <summary>The INSERT for an entity type of a model, built once per model and type (the planet has one model, compiled).</summary>
    private sealed record Statement(string Sql, IReadOnlyList<Column> Columns, System.Reflection.PropertyInfo Key)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, Dictionary<Type, Statement>> Built = [];

        public static Statement For(IModel model, Type entityType)
        {
            var statements = Built.GetValue(model, _ => []);
            lock (statements)
            {
                if (!statements.TryGetValue(entityType, out var statement))
                {
                    statements[entityType] = statement = Build(model.FindEntityType(entityType)!);
                }

                return statement;
            }
        }

        /// <summary>Sets the row's generated key, converted to the key's type (a post's is a long, a feed's an int).</summary>
        public void SetId(object row, long id) => Key.SetValue(row, Convert.ChangeType(id, Key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));

        private static Statement Build(IEntityType entity)
        {
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var columns = entity.GetProperties().Where(p => p != key).Select(p => new Column(p, p.GetColumnName(table)!)).ToList();
            var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            return new Statement(sql, columns, key.PropertyInfo!);
        }

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A column and how a row's value goes into it: the property's getter, then its value converter if it has one.</summary>
    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter getter = property.GetGetter();
        private readonly Func<object?, object?>? convert = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name { get; } = name;

        public object? Value(object row)
        {
            var value = getter.GetClrValueUsingContainingEntity(row);
            return value is null || convert is null ? value : convert(value);
        }
    }
}
