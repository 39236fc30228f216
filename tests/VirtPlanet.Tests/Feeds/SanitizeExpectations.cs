using System.Text;

namespace VirtPlanet.Tests.Feeds;

/// <summary>The string-equality rows of feedparser/expectations.tsv for the sanitize suite: file → key and expected HTML.</summary>
public sealed class SanitizeExpectations
{
    private readonly Dictionary<string, (string KeyPath, string Value)> rows = [];

    private SanitizeExpectations()
    {
    }

    public static SanitizeExpectations Load(string corpus)
    {
        var expectations = new SanitizeExpectations();
        foreach (var line in File.ReadLines(Path.Combine(corpus, "feedparser", "expectations.tsv")).Skip(1))
        {
            var cells = line.Split('\t');
            const string prefix = "wellformed/sanitize/";
            if (cells[0].StartsWith(prefix, StringComparison.Ordinal) && cells[7] == "str")
            {
                expectations.rows.TryAdd(cells[0][prefix.Length..], (cells[2], Unescape(cells[3])));
            }
        }

        return expectations;
    }

    public (string KeyPath, string Value)? For(string file) => rows.TryGetValue(file, out var row) ? row : null;

    private static string Unescape(string cell)
    {
        var text = new StringBuilder(cell.Length);
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 1 < cell.Length)
            {
                i++;
                text.Append(cell[i] switch { 't' => '\t', 'n' => '\n', 'r' => '\r', var c => c });
            }
            else
            {
                text.Append(cell[i]);
            }
        }

        return text.ToString();
    }
}
