namespace VirtPlanet.Web.Feeds;

/// <summary>Drops what XML 1.0 (§2.2 Char) forbids: C0 controls but tab/CR/LF, U+FFFE/U+FFFF, lone surrogates.</summary>
public static class XmlChars
{
    /// <summary>For feed text read in, in place: a stray byte order mark inside the document goes too. Returns the length kept.</summary>
    public static int Strip(Span<char> text) => Strip(text, keepByteOrderMark: false);

    /// <summary>For text headed for one of the planet's own outputs: only what XML cannot carry goes.</summary>
    public static string ForOutput(string text)
    {
        if (FirstIllegal(text, keepByteOrderMark: true) < 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        return new string(chars, 0, Strip(chars, keepByteOrderMark: true));
    }

    /// <summary>Moves the legal characters of <paramref name="text"/> to its start; returns how many there are.</summary>
    private static int Strip(Span<char> text, bool keepByteOrderMark)
    {
        var firstBad = FirstIllegal(text, keepByteOrderMark);
        if (firstBad < 0)
        {
            return text.Length;
        }

        var kept = firstBad;
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                text[kept++] = c;
                text[kept++] = text[++i];
            }
            else if (IsLegal(c, keepByteOrderMark))
            {
                text[kept++] = c;
            }
        }

        return kept;
    }

    private static int FirstIllegal(ReadOnlySpan<char> text, bool keepByteOrderMark)
    {
        // Almost all text is in U+0020-U+D7FF: skip it vectorized, and look closer only at what lies outside.
        var i = 0;
        while (true)
        {
            var next = text[i..].IndexOfAnyExceptInRange((char)0x20, (char)0xD7FF);
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
