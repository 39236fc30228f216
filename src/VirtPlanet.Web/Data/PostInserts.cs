using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Data;

/// <summary>
/// Stores a feed's new posts in the caller's transaction. On SQLite they go through one prepared <c>INSERT</c>, bound
/// once per post, each post's id read from the connection afterwards (<c>last_insert_rowid</c>): SQLite runs a
/// <c>RETURNING</c> clause through its trigger machinery, and 20,000 inserts took ≈ 15 % longer with one (measured,
/// docs/performance.md). EF Core's <c>SaveChanges</c> builds a new batch of statements for every save, which SQLite
/// parses and plans again each time, and tracks every post it inserts. Going around it took a cold poll of 1,000 feeds
/// from 8.1-9.0 to 5.8-6.4 s (docs/performance.md, poll round 15). The statement is built from EF Core's model (table,
/// columns, value converters), so a post is stored as <c>SaveChanges</c> would store it; PostInsertsTests compares the
/// two row by row. On PostgreSQL the posts go through <c>SaveChanges</c>, which sends them in one batch.
/// </summary>
public static class PostInserts
{
    /// <summary>Inserts <paramref name="posts"/> and sets their ids. Needs a transaction on SQLite; on PostgreSQL it tracks them for the caller's <c>SaveChanges</c>.</summary>
    public static async Task InsertAsync(PlanetDbContext db, IReadOnlyList<Post> posts, CancellationToken cancellationToken)
    {
        if (posts.Count == 0)
        {
            return;
        }

        if (!db.Database.IsSqlite())
        {
            db.Posts.AddRange(posts);
            return;
        }

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
            ?? throw new InvalidOperationException("New posts are inserted in the transaction that saves their feed.");
        var statement = Statement.For(db.Model);
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = statement.Sql;
        var parameters = statement.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "$p" + i })).ToArray();
        foreach (var post in posts)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = statement.Columns[i].Value(post) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken);
            post.Id = SQLitePCL.raw.sqlite3_last_insert_rowid(transaction.Connection.Handle);
        }
    }

    /// <summary>The INSERT for a model, built once per model (the planet has one, compiled).</summary>
    private sealed record Statement(string Sql, IReadOnlyList<Column> Columns)
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, Statement> Built = [];

        public static Statement For(IModel model) => Built.GetValue(model, Build);

        private static Statement Build(IModel model)
        {
            var entity = model.FindEntityType(typeof(Post))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var key = entity.FindPrimaryKey()!.Properties.Single();
            var columns = entity.GetProperties().Where(p => p != key).Select(p => new Column(p, p.GetColumnName(table)!)).ToList();
            var sql = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) "
                + $"VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            return new Statement(sql, columns);
        }

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>A column and how a post's value goes into it: the property's getter, then its value converter if it has one.</summary>
    private sealed class Column(IProperty property, string name)
    {
        private readonly IClrPropertyGetter getter = property.GetGetter();
        private readonly Func<object?, object?>? convert = property.GetTypeMapping().Converter?.ConvertToProvider;

        public string Name { get; } = name;

        public object? Value(Post post)
        {
            var value = getter.GetClrValueUsingContainingEntity(post);
            return value is null || convert is null ? value : convert(value);
        }
    }
}
