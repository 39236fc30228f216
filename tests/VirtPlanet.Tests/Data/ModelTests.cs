using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
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
        //   --output-dir Data/CompiledModel --namespace VirtPlanet.Web.Data.CompiledModel --nativeaot
        Assert.Equal(Shape(db.GetService<IDesignTimeModel>().Model), Shape(db.Model));
    }

    [Fact]
    public void EachProvidersMigrationsBuildTheModelTheCodeDescribes()
    {
        // The planet does not ask this at start-up (DatabaseServices): a change to the model without its migration
        // fails here. When it does, add one for each provider (docs/postgresql.md).
        using var sqlite = new PlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresPlanetDbContext(new DbContextOptionsBuilder<PlanetDbContext>().UseNpgsql("Host=127.0.0.1;Database=none").Options);

        Assert.False(sqlite.Database.HasPendingModelChanges(), "the SQLite migrations lack a change to the model");
        Assert.False(postgres.Database.HasPendingModelChanges(), "the PostgreSQL migrations lack a change to the model");
    }

    [Fact]
    public void TheCompiledModelCarriesItsPropertyAccessorsAsCode()
    {
        // --nativeaot writes each property's getters, setters and comparers into the model (through generated
        // UnsafeAccessors), where EF Core would otherwise compile ≈ 400 expression trees at every start: 0.1 CPU-s of
        // a poll-once (docs/performance.md). Regenerated without the flag, the model still works, only slower.
        var model = typeof(VirtPlanet.Web.Data.CompiledModel.PlanetDbContextModel).Assembly;
        Assert.NotNull(model.GetType("VirtPlanet.Web.Data.CompiledModel.FeedUnsafeAccessors"));
        Assert.NotNull(model.GetType("VirtPlanet.Web.Data.CompiledModel.PostUnsafeAccessors"));
    }

    /// <summary>What the database and the queries see of a model: tables, columns and their conversions, keys, indexes, relations.</summary>
    private static string[] Shape(IModel model) =>
    [
        .. model.GetEntityTypes().OrderBy(e => e.Name).SelectMany(entity => (IEnumerable<string>)
        [
            $"{entity.Name} -> {entity.GetTableName()}",
            .. entity.GetProperties().Select(p =>
                $"  {p.Name} {p.ClrType.Name} null={p.IsNullable} column={p.GetColumnName()} max={p.GetMaxLength()} " +
                $"converter={Conversion(p.GetTypeMapping().Converter)} store={p.GetColumnType()}"),
            .. entity.GetKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}"),
            .. entity.GetIndexes().Select(i => $"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique}"),
            .. entity.GetForeignKeys().Select(f =>
                $"  fk ({string.Join(",", f.Properties.Select(p => p.Name))}) -> {f.PrincipalEntityType.Name} {f.DeleteBehavior}"),
        ]),
    ];

    /// <summary>
    /// What a converter does to a sample value each way. The compiled model writes a converter's lambdas out as code,
    /// so it holds a plain ValueConverter where the configuration has a UtcDateTimeConverter: compared by behaviour.
    /// </summary>
    private static string? Conversion(ValueConverter? converter)
    {
        if (converter is null)
        {
            return null;
        }

        if (converter.ModelClrType != typeof(DateTime))
        {
            return $"{converter.ModelClrType.Name}->{converter.ProviderClrType.Name}";
        }

        var local = new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Local);
        var stored = (DateTime)converter.ConvertToProvider(local)!;
        var read = (DateTime)converter.ConvertFromProvider(new DateTime(2026, 11, 26, 3, 0, 0, DateTimeKind.Unspecified))!;
        return $"DateTime->{converter.ProviderClrType.Name} stores {stored:O} {stored.Kind}, reads {read:O} {read.Kind}";
    }
}
