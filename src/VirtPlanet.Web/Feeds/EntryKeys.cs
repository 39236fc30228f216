using System.Security.Cryptography;
using System.Text;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Stable identity for the entries of one document: the feed's id/guid, else the link, else a hash of title
/// and date. A feed that repeats ids (a broken generator giving every item the site URL as guid) has its ids
/// ignored, and one that also repeats links is keyed by a hash of link, date and title, so distinct posts
/// never merge. Only the document decides, so the same document always yields the same keys.
/// </summary>
public static class EntryKeys
{
    public static IReadOnlyList<ParsedEntry> Assign(IReadOnlyList<ParsedEntry> entries)
    {
        var idsUsable = AreDistinct(entries.Select(e => e.Id));
        var linksUsable = AreDistinct(entries.Select(e => e.Link));
        return entries.Select(e => e with { Key = KeyOf(e, idsUsable, linksUsable) }).ToList();
    }

    private static string KeyOf(ParsedEntry entry, bool idsUsable, bool linksUsable)
    {
        if (idsUsable && !string.IsNullOrWhiteSpace(entry.Id))
        {
            return entry.Id.Trim();
        }

        if (linksUsable && entry.Link is not null)
        {
            return entry.Link;
        }

        var date = (entry.Published ?? entry.Updated)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', entry.Link, date, entry.Title))));
    }

    private static bool AreDistinct(IEnumerable<string?> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return values.Where(v => !string.IsNullOrWhiteSpace(v)).All(v => seen.Add(v!.Trim()));
    }
}
