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
    public static string? Find(XElement element)
    {
        var ns = element.Name.Namespace;
        var candidates = new List<XElement?>();
        foreach (var atom in new[] { ns, Atom10, Atom03 }.Where(IsAtom).Distinct())
        {
            candidates.AddRange(element.Elements(atom + "author").Select(a => a.Element(a.Name.Namespace + "name") ?? a));
        }

        candidates.Add(element.Element(Dc + "creator"));
        candidates.Add(element.Element(ns + "author"));
        candidates.Add(element.Element(Dc + "author"));
        candidates.Add(ITunesElement(element, "author"));
        candidates.Add(element.Element(ns + "managingEditor"));
        candidates.Add(element.Element(Dc + "publisher"));
        return candidates.OfType<XElement>().Select(e => Clean(e.Value)).FirstOrDefault(name => name is not null);
    }

    /// <summary>The name in an author string, or null when there is only an e-mail address (or nothing).</summary>
    public static string? Clean(string? raw)
    {
        var text = FeedText.PlainFromHtml(raw);
        if (text.Length == 0)
        {
            return null;
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
