using System.Text;

namespace VirtPlanet.Web.Feeds;

/// <summary>Drops what XML 1.0 (§2.2 Char) forbids: C0 controls but tab/CR/LF, U+FFFE/U+FFFF, lone surrogates.</summary>
public static class XmlChars
{
    /// <summary>For feed text read in: a stray byte order mark inside the document goes too.</summary>
    public static string Strip(string text) => Strip(text, keepByteOrderMark: false);

    /// <summary>For text headed for one of the planet's own outputs: only what XML cannot carry goes.</summary>
    public static string ForOutput(string text) => Strip(text, keepByteOrderMark: true);

    private static string Strip(string text, bool keepByteOrderMark)
    {
        var firstBad = FirstIllegal(text, keepByteOrderMark);
        if (firstBad < 0)
        {
            return text;
        }

        var clean = new StringBuilder(text.Length);
        clean.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (IsLegal(c, keepByteOrderMark))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static int FirstIllegal(string text, bool keepByteOrderMark)
    {
        // Almost all text is in U+0020-U+D7FF: skip it vectorized, and look closer only at what lies outside.
        var i = 0;
        while (true)
        {
            var next = text.AsSpan(i).IndexOfAnyExceptInRange((char)0x20, (char)0xD7FF);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i += 2;
            }
            else if (IsLegal(c, keepByteOrderMark))
            {
                i++;
            }
            else
            {
                return i;
            }
        }
    }

    private static bool IsLegal(char c, bool keepByteOrderMark) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && (keepByteOrderMark || c != 0xFEFF));
}
