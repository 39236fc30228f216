using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace VirtPlanet.Web.Data;

/// <summary>
/// A poll's writes on SQLite, without EF Core's update pipeline: a feed's new posts, an OPML import's new feeds, and the
/// rows a refresh changed. New rows go through one prepared <c>INSERT</c>, bound once per row, each row's id read from
/// the connection afterwards (<c>last_insert_rowid</c>); a changed row goes through an <c>UPDATE</c> of the columns that
/// changed. EF Core's <c>SaveChanges</c> sends one command per row on SQLite, built again for every save, and tracks
/// every row: going around it took a cold poll of 1,000 feeds from 8.1-9.0 to 5.8-6.4 s (docs/performance.md, poll
/// round 15), an import of 1,000 feeds from ≈ 0.25 to ≈ 0.03 s, and the feeds' rows ≈ 0.5 s of a cold poll's writer
/// (round 35). SQLite runs a <c>RETURNING</c> clause through its trigger machinery: 20,000 post inserts took ≈ 15 %
/// longer with one. The statements are built from EF Core's model (table, columns, value converters), so a row is
/// stored as <c>SaveChanges</c> would store it; PreparedWritesTests compares the two row by row. On PostgreSQL the rows
/// are tracked for the caller's <c>SaveChanges</c>, which sends them in one batch.
/// </summary>
public static class PreparedWrites
{
    /// <summary>Inserts <paramref name="rows"/> and sets their ids. Needs a transaction on SQLite; on PostgreSQL it tracks them for the caller's <c>SaveChanges</c>.</summary>
    public static async Task InsertAsync<TEntity>(PlanetDbContext db, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (!db.IsSqlite)
        {
            db.Set<TEntity>().AddRange(rows);
            return;
        }

        var statement = Statements.For(db.Model).Insert(typeof(TEntity));
        await using var command = CreateCommand(db, statement);
        foreach (var row in rows)
        {
            statement.Bind(command, row);
            await command.ExecuteNonQueryAsync(cancellationToken);
            statement.SetKey(row, SQLitePCL.raw.sqlite3_last_insert_rowid(((SqliteConnection)command.Connection!).Handle));
        }
    }

    /// <summary>
    /// Saves <paramref name="properties"/> of <paramref name="row"/>, which no context tracks, by its key. Needs a
    /// transaction on SQLite, and fails as <c>SaveChanges</c> does: <see cref="DbUpdateConcurrencyException"/> when the
    /// row is gone (a feed removed while it was polled), <see cref="DbUpdateException"/> when SQLite refuses it. On
    /// PostgreSQL it tracks the row for the caller's <c>SaveChanges</c>.
    /// </summary>
    public static async Task UpdateAsync(PlanetDbContext db, object row, IReadOnlyList<string> properties, CancellationToken cancellationToken)
    {
        if (properties.Count == 0)
        {
            return;
        }

        if (!db.IsSqlite)
        {
            WriteQueue.AttachModified(db, row, properties);
            return;
        }

        var statement = Statements.For(db.Model).Update(row.GetType(), properties);
        await using var command = CreateCommand(db, statement);
        statement.Bind(command, row);
        int updated;
        try
        {
            updated = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (SqliteException e)
        {
            // As SaveChanges reports a refused row (a unique index, a foreign key).
            throw new DbUpdateException($"An error occurred while saving the {row.GetType().Name} row: {e.Message}", e);
        }

        if (updated != 1)
        {
            throw new DbUpdateConcurrencyException($"The {row.GetType().Name} row to update is gone: it was deleted meanwhile.");
        }
    }

    private static SqliteCommand CreateCommand(PlanetDbContext db, Statement statement)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("Prepared writes run in the caller's transaction.");
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        for (var i = 0; i < statement.Columns.Count; i++)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i });
        }

        return command;
    }

    /// <summary>The statements of one model (the planet has one, compiled), built on first use and kept.</summary>
    private sealed class Statements(IModel model)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, Statements> Built = [];
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Statement> statements = new();

        public static Statements For(IModel model) => Built.GetValue(model, m => new Statements(m));

        /// <summary><c>INSERT</c> of every column but the generated key.</summary>
        public Statement Insert(Type type) => statements.GetOrAdd("INSERT " + type.FullName, _ =>
        {
            var (entity, table, key) = Describe(type);
            var columns = entity.GetProperties().Where(p => p != key).Select(p => new Column(p, p.GetColumnName(table)!)).ToList();
            var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            return new Statement(sql, columns, key.PropertyInfo!);
        });

        /// <summary><c>UPDATE</c> of <paramref name="properties"/> by the key, which is bound last.</summary>
        public Statement Update(Type type, IReadOnlyList<string> properties) => statements.GetOrAdd($"UPDATE {type.FullName} {string.Join(' ', properties)}", _ =>
        {
            var (entity, table, key) = Describe(type);
            var columns = properties.Select(name => entity.FindProperty(name)!).Append(key).Select(p => new Column(p, p.GetColumnName(table)!)).ToList();
            var sql = $"UPDATE {Quote(table.Name)} SET {string.Join(", ", columns.SkipLast(1).Select((c, i) => $"{Quote(c.Name)} = $p{i}"))} "
                + $"WHERE {Quote(columns[^1].Name)} = $p{columns.Count - 1}";
            return new Statement(sql, columns, key.PropertyInfo!);
        });

        private (IEntityType Entity, StoreObjectIdentifier Table, IProperty Key) Describe(Type type)
        {
            var entity = model.FindEntityType(type)!;
            return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), entity.FindPrimaryKey()!.Properties.Single());
        }

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A statement's text, the columns its parameters take in order, and the key it reports back.</summary>
    private sealed record Statement(string Sql, IReadOnlyList<Column> Columns, System.Reflection.PropertyInfo Key)
    {
        public void Bind(SqliteCommand command, object row)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                command.Parameters[i].Value = Columns[i].Value(row) ?? DBNull.Value;
            }
        }

        /// <summary>Sets a new row's generated key, converted to the key's type (a post's is a long, a feed's an int).</summary>
        public void SetKey(object row, long id) => Key.SetValue(row, Convert.ChangeType(id, Key.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
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
