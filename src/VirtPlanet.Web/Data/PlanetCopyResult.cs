namespace VirtPlanet.Web.Data;

/// <summary>What a <see cref="PlanetCopy"/> did, per kind of row (feed, post).</summary>
public sealed class PlanetCopyResult
{
    private readonly Dictionary<string, (int Added, int Updated, int Unchanged)> counts = [];

    public (int Added, int Updated, int Unchanged) this[string kind] => counts.GetValueOrDefault(kind);

    public void Count(string kind, bool isNew, bool changed)
    {
        var (added, updated, unchanged) = this[kind];
        counts[kind] = isNew ? (added + 1, updated, unchanged) : changed ? (added, updated + 1, unchanged) : (added, updated, unchanged + 1);
    }

    public override string ToString() => string.Join("; ", counts.Select(c =>
        $"{c.Key}s: {c.Value.Added} added, {c.Value.Updated} updated, {c.Value.Unchanged} unchanged"));
}
