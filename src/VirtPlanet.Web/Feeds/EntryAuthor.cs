using System.Text.RegularExpressions;
using System.Xml.Linq;
using static VirtPlanet.Web.Feeds.FeedNamespaces;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// A display name for whoever wrote an entry or feed, from atom:author/name, dc:creator, RSS author or
/// managingEditor, itunes:author. E-mail forms are reduced to the name (<c>noreply@blogger.com (Cornelia Huck)</c>
/// is "Cornelia Huck"); a bare address is no name at all.
/// </summary>
public static partial class EntryAuthor
{
    /// <summary>The first usable name among an entry's (or a feed's) author elements, else null.</summary>
    /// <remarks>Looked for in order, stopping at the first name: most entries have one in their first author element.</remarks>
    public static string? Find(XElement element)
    {
        var ns = element.Name.Namespace;
        return AtomAuthor(element, ns)
            ?? (ns != Atom10 ? AtomAuthor(element, Atom10) : null)
            ?? (ns != Atom03 ? AtomAuthor(element, Atom03) : null)
            ?? Name(element.Element(Dc + "creator"))
            ?? Name(element.Element(ns + "author"))
            ?? Name(element.Element(Dc + "author"))
            ?? Name(ITunesElement(element, "author"))
            ?? Name(element.Element(ns + "managingEditor"))
            ?? Name(element.Element(Dc + "publisher"));
    }

    /// <summary>The name of the first of the element's Atom authors in <paramref name="atom"/> that has one (its name child, else its text).</summary>
    private static string? AtomAuthor(XElement element, XNamespace atom)
    {
        if (!IsAtom(atom))
        {
            return null;
        }

        foreach (var author in element.Elements(atom + "author"))
        {
            if (Name(author.Element(author.Name.Namespace + "name") ?? author) is { } name)
            {
                return name;
            }
        }

        return null;
    }

    private static string? Name(XElement? candidate) => candidate is null ? null : Clean(candidate.Value);

    /// <summary>The name in an author string, or null when there is only an e-mail address (or nothing).</summary>
    public static string? Clean(string? raw)
    {
        var text = FeedText.PlainFromHtml(raw);
        if (text.Length == 0)
        {
            return null;
        }

        if (!text.Contains('@', StringComparison.Ordinal))
        {
            // Both forms below hold an address: a name without one is taken as it is.
            return text;
        }

        var match = AddressWithName().Match(text);
        if (match.Success)
        {
            text = (match.Groups["name1"].Success ? match.Groups["name1"].Value : match.Groups["name2"].Value).Trim().Trim('"', '\'').Trim();
        }

        return text.Length == 0 || BareAddress().IsMatch(text) ? null : text;
    }

    /// <summary><c>mail@host (Name)</c>, <c>Name &lt;mail@host&gt;</c>, <c>Name (mail@host)</c>, <c>mailto:</c> optional.</summary>
    [GeneratedRegex(@"^(?:(?:mailto:)?[^\s@()<>]+@[^\s()<>]+\s*\((?<name1>[^()]*)\)|(?<name2>[^<>()]*?)\s*[<(](?:mailto:)?[^\s@()<>]+@[^\s()<>]+[>)])$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AddressWithName();

    [GeneratedRegex(@"^(?:mailto:)?[^\s@]+@[^\s@]+$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BareAddress();
}
