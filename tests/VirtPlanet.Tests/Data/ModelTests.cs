using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using VirtPlanet.Web.Data;

namespace VirtPlanet.Tests.Data;

/// <summary>The SQLite model the planet runs on is precompiled (Data/CompiledModel); it must be the one the code describes.</summary>
public sealed class ModelTests
{
    [Fact]
    public void TheCompiledModelIsTheModelTheEntityConfigurationsDescribe()
    {
        using var db = new PlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseSqlite("Data Source=:memory:").Options);

        Assert.IsType<VirtPlanet.Web.Data.CompiledModel.PlanetDbContextModel>(db.Model);
        // When this fails, in src/VirtPlanet.Web run: dotnet ef dbcontext optimize --context PlanetDbContext
        //   --output-dir Data/CompiledModel --namespace VirtPlanet.Web.Data.CompiledModel
        Assert.Equal(Shape(db.GetService<IDesignTimeModel>().Model), Shape(db.Model));
    }

    /// <summary>What the database and the queries see of a model: tables, columns and their conversions, keys, indexes, relations.</summary>
    private static string[] Shape(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(entity => (IEnumerable<string>)
        [
            $"{entity.Name} -> {entity.GetTableName()}",
            .. entity.GetProperties().Select(p =>
                $"  {p.Name} {p.ClrType.Name} null={p.IsNullable} column={p.GetColumnName()} max={p.GetMaxLength()} " +
                $"converter={p.GetTypeMapping().Converter?.GetType().Name} store={p.GetColumnType()}"),
            .. entity.GetKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}"),
            .. entity.GetIndexes().Select(i => $"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}"),
            .. entity.GetForeignKeys().Select(f =>
                $"  fk ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"),
        ]),
    ];
}
