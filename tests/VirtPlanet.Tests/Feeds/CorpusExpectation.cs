namespace VirtPlanet.Tests.Feeds;

/// <summary>One row of the corpus's feedparser/expectations.tsv (see EXPECT.md for the columns).</summary>
public sealed record CorpusExpectation(string File, string KeyPath, string ExpectedValue, string PlanetField, string Suite, string ValueKind, string ExpectedUtc, string Headers)
{
    public static IEnumerable<CorpusExpectation> ReadAll(string path) =>
        System.IO.File.ReadLines(path).Skip(1).Select(line => line.Split('\t')).Select(c =>
            new CorpusExpectation(c[0], c[2], Unescape(c[3]), c[4], c[6], c[7], c[8], Unescape(c[10])));

    /// <summary>The Content-Type the feedparser harness would have served the file with, if any.</summary>
    public string? ContentType => Headers.Split(" | ")
        .Where(h => h.StartsWith("Content-type:", StringComparison.OrdinalIgnoreCase))
        .Select(h => h["Content-type:".Length..].Trim())
        .FirstOrDefault();

    /// <summary>The entry index in <c>entries[N]...</c>, or null for feed-level paths.</summary>
    public int? EntryIndex => KeyPath.StartsWith("entries[", StringComparison.Ordinal)
        ? int.Parse(KeyPath["entries[".Length..KeyPath.IndexOf(']', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)
        : null;

    private static string Unescape(string cell) => cell.Contains('\\', StringComparison.Ordinal)
        ? System.Text.RegularExpressions.Regex.Replace(cell, @"\\([\\tnr])", m => m.Groups[1].Value switch
        {
            "t" => "\t",
            "n" => "\n",
            "r" => "\r",
            _ => "\\",
        })
        : cell;
}
