using Microsoft.AspNetCore.WebUtilities;

namespace VirtPlanet.Web.Posts;

/// <summary>The river's URLs: a path, the filter's query and the keyset position.</summary>
public static class RiverLinks
{
    public static string Page(string path, RiverFilter filter, RiverCursor? before)
    {
        var query = filter.Feeds.Select(f => KeyValuePair.Create("feed", (string?)f))
            .Concat(filter.Authors.Select(a => KeyValuePair.Create("author", (string?)a)))
            .Concat(before is null ? [] : [KeyValuePair.Create("before", (string?)before.ToString())]);
        return QueryHelpers.AddQueryString(path, query);
    }
}
