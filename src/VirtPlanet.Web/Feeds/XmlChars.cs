using System.Text;

namespace VirtPlanet.Web.Feeds;

/// <summary>Drops what XML 1.0 (§2.2 Char) forbids: C0 controls but tab/CR/LF, U+FFFE/U+FFFF, lone surrogates, a stray BOM.</summary>
public static class XmlChars
{
    public static string Strip(string text)
    {
        var firstBad = FirstIllegal(text);
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
            else if (IsLegal(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static int FirstIllegal(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!IsLegal(c))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsLegal(char c) =>
        c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
}
