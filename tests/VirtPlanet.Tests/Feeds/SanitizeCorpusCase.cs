using System.Text;
using System.Xml;
using System.Xml.Linq;
using VirtPlanet.Tests.Infrastructure;

namespace VirtPlanet.Tests.Feeds;

/// <summary>
/// One feed of feedparser's sanitize suite: every HTML fragment in it (titles, summaries, content, in escaped,
/// base64 or inline-XHTML form), and the one its <c>Expect:</c> line talks about.
/// </summary>
public sealed record SanitizeCorpusCase(string File, IReadOnlyList<string> Fragments, string? Expected, string? Primary)
{
    private static readonly HashSet<string> ContentNames =
        ["content", "summary", "title", "description", "info", "tagline", "subtitle", "copyright", "rights", "encoded", "fullitem", "body"];

    public static string Folder => Path.Combine(RepositoryRoot.Corpus, "feedparser", "wellformed", "sanitize");

    public static SanitizeCorpusCase Load(string file, SanitizeExpectations expectations)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(Path.Combine(Folder, file), settings);
        var fragments = XDocument.Load(reader).Descendants()
            .Where(e => ContentNames.Contains(e.Name.LocalName) && !e.Ancestors().Any(a => ContentNames.Contains(a.Name.LocalName)))
            .ToList();

        var expectation = expectations.For(file);
        var primary = expectation is null ? null : Pick(fragments, expectation.Value.KeyPath);
        return new SanitizeCorpusCase(file, fragments.Select(Html).ToList(), expectation?.Value, primary is null ? null : Html(primary));
    }

    /// <summary>The fragment feedparser's key reads: feed-level or entry-level, by element name in its order of preference.</summary>
    private static XElement? Pick(List<XElement> fragments, string keyPath)
    {
        var inEntry = keyPath.StartsWith("entries", StringComparison.Ordinal);
        string[] names = keyPath[(keyPath.IndexOf('.') + 1)..].Split('[', '.')[0] switch
        {
            "title" => ["title"],
            "info" => ["info"],
            "rights" => ["rights", "copyright"],
            "content" => ["content", "encoded", "body", "fullitem"],
            "subtitle" or "description" when !inEntry => ["subtitle", "tagline", "description", "info"],
            _ => ["summary", "description", "content", "encoded", "body", "fullitem"],
        };
        var scoped = fragments.Where(f => f.Ancestors().Any(a => a.Name.LocalName is "entry" or "item") == inEntry).ToList();
        return names.Select(n => scoped.FirstOrDefault(f => f.Name.LocalName == n)).FirstOrDefault(f => f is not null);
    }

    /// <summary>Inline XHTML is the element's inner XML; escaped HTML its text, base64-decoded when the feed says so.</summary>
    private static string Html(XElement element)
    {
        if (element.HasElements)
        {
            return string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
        }

        return (string?)element.Attribute("mode") == "base64"
            ? Encoding.UTF8.GetString(Convert.FromBase64String(element.Value))
            : element.Value;
    }

    public override string ToString() => File;
}
