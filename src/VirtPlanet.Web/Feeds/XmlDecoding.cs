using System.Text;
using System.Text.RegularExpressions;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Turns feed bytes into text. The encoding comes from, in order: the byte order mark (or the UTF-16/32
/// pattern of <c>&lt;?</c> without one, XML 1.0 Appendix F), the HTTP charset, the XML declaration, else UTF-8
/// (RFC 7303 §3: the BOM wins, then the charset parameter; text/* without charset no longer means US-ASCII).
/// Bad bytes never fail the feed: they become U+FFFD, and a document that declares nothing and is not UTF-8
/// is read as windows-1252. C1 controls become the windows-1252 characters they stood for. Characters XML 1.0
/// forbids are dropped.
/// </summary>
public static partial class XmlDecoding
{
    static XmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>The text of <paramref name="body"/>, in a pooled buffer the caller disposes.</summary>
    public static DecodedText Decode(byte[] body, string? contentType)
    {
        var (sniffed, bomLength) = Sniff(body);
        Encoding encoding;
        if (bomLength > 0)
        {
            encoding = sniffed!;
        }
        else
        {
            var declared = Charset(contentType) ?? Declaration(body, sniffed);
            encoding = Lookup(declared, sniffed) ?? sniffed ?? Utf8OrLegacy(body);
        }

        var count = body.Length - bomLength;
        return DecodedText.Create(encoding.GetMaxCharCount(count), chars =>
        {
            var text = chars.AsSpan(0, encoding.GetChars(body, bomLength, count, chars, 0));
            // C1 controls never mean themselves in a feed; left alone, a reader sees "dont" for "don’t".
            Windows1252.RepairC1(text);
            return XmlChars.Strip(text);
        });
    }

    /// <summary>The encoding a BOM names (and its length), else the encoding the first bytes of <c>&lt;?xml</c> imply.</summary>
    private static (Encoding? Encoding, int BomLength) Sniff(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        [0x00, 0x00, 0x00, 0x3C, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 0),
        [0x3C, 0x00, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 0),
        [0x00, 0x3C, 0x00, 0x3F, ..] or [0x00, 0x3C, 0x00, 0x21, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 0),
        [0x3C, 0x00, 0x3F, 0x00, ..] or [0x3C, 0x00, 0x21, 0x00, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 0),
        _ => (null, 0),
    };

    /// <summary>The charset parameter of a Content-Type header, quotes removed.</summary>
    internal static string? Charset(string? contentType)
    {
        var match = contentType is null ? Match.Empty : CharsetParameter().Match(contentType);
        return match.Success ? match.Groups["name"].Value : null;
    }

    private static string? Declaration(byte[] body, Encoding? sniffed)
    {
        var head = (sniffed ?? Encoding.Latin1).GetString(body, 0, Math.Min(body.Length, 512));
        var match = EncodingDeclaration().Match(head);
        return match.Success ? match.Groups["name"].Value : null;
    }

    /// <summary>
    /// The named encoding, or null when unknown. A single-byte document claiming UTF-16/32 is lying (the bytes
    /// of <c>&lt;?xml</c> would show it). As in browsers (WHATWG Encoding), GB2312 is read as its superset GB18030,
    /// and ISO-8859-1/US-ASCII as windows-1252, which is what such feeds really contain (curly quotes in 0x80-0x9F).
    /// </summary>
    private static Encoding? Lookup(string? name, Encoding? sniffed)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var normalized = name.Trim().ToLowerInvariant();
        if (normalized.StartsWith("utf-16", StringComparison.Ordinal) || normalized.StartsWith("utf-32", StringComparison.Ordinal)
            || normalized is "ucs-2" or "ucs-4" or "unicode")
        {
            return sniffed;
        }

        normalized = normalized switch
        {
            "gb2312" or "gbk" or "x-gbk" => "gb18030",
            "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" => "windows-1252",
            _ => normalized,
        };
        try
        {
            return Encoding.GetEncoding(normalized);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding Utf8OrLegacy(byte[] body) =>
        System.Text.Unicode.Utf8.IsValid(body) ? new UTF8Encoding(false) : Encoding.GetEncoding(1252);

    [GeneratedRegex("""charset\s*=\s*["']?(?<name>[A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetParameter();

    [GeneratedRegex("""^\s*<\?xml[^>]*?encoding\s*=\s*["'](?<name>[A-Za-z0-9._:\-]+)["']""", RegexOptions.CultureInvariant)]
    private static partial Regex EncodingDeclaration();
}
