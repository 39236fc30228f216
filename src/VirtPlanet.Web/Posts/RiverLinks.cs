namespace VirtPlanet.Web.Posts;

/// <summary>The river's URLs: a path, the filter's query and the keyset position, e.g. <c>/?feed=qemu-project&amp;before=2017-08-08T18:04:00Z_123</c>.</summary>
public static class RiverLinks
{
    public static string Page(string path, RiverFilter filter, RiverCursor? before)
    {
        var query = filter.Feeds.Select(f => ("feed", f))
            .Concat(filter.Authors.Select(a => ("author", a)))
            .Concat(before is null ? [] : [("before", before.ToString())])
            .Select(p => $"{p.Item1}={Escape(p.Item2)}")
            .ToList();
        return query.Count == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    // Colons are legal in a query; keeping them makes the cursor readable in the address bar.
    private static string Escape(string value) => Uri.EscapeDataString(value).Replace("%3A", ":", StringComparison.Ordinal);
}
