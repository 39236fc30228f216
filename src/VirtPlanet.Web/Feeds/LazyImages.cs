using AngleSharp.Dom;
using AngleSharp.Html;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Gives lazy-loaded images a real <c>src</c>: the script that would have swapped it in never runs on the
/// planet, so without this they render as the loader's placeholder (or nothing).
/// </summary>
internal static class LazyImages
{
    private static readonly string[] LazySources = ["data-src", "data-lazy-src", "data-original"];
    private static readonly string[] LazySourceSets = ["data-srcset", "data-lazy-srcset"];

    public static void Load(IElement root)
    {
        foreach (var image in root.QuerySelectorAll("img"))
        {
            var lazySet = LazySourceSets.Select(image.GetAttribute).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            if (lazySet is not null)
            {
                image.SetAttribute("srcset", lazySet);
            }

            var lazy = LazySources.Select(image.GetAttribute).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? (HasSource(image) ? null : LargestCandidate(image.GetAttribute("srcset")));
            if (lazy is not null)
            {
                image.SetAttribute("src", lazy.Trim());
            }
        }
    }

    /// <summary>A src that is only an inline placeholder (a 1x1 GIF, an empty SVG) does not count.</summary>
    private static bool HasSource(IElement image)
    {
        var src = image.GetAttribute("src")?.Trim();
        return !string.IsNullOrEmpty(src) && !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The widest (or densest) candidate of a srcset; the last one when descriptors are missing.</summary>
    private static string? LargestCandidate(string? srcset)
    {
        if (string.IsNullOrWhiteSpace(srcset))
        {
            return null;
        }

        return SourceSet.Parse(srcset)
            .Where(c => !string.IsNullOrWhiteSpace(c.Url))
            .Select((c, index) => (c.Url, Size: Size(c.Descriptor), index))
            .OrderBy(c => c.Size).ThenBy(c => c.index)
            .Select(c => c.Url)
            .LastOrDefault();
    }

    private static double Size(string? descriptor) =>
        descriptor is { Length: > 1 } && double.TryParse(descriptor.AsSpan(0, descriptor.Length - 1), System.Globalization.CultureInfo.InvariantCulture, out var size)
            ? size
            : 0;
}
