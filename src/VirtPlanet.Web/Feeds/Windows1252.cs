using System.Text;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// C1 controls (U+0080-U+009F) as the windows-1252 bytes they stand for in feeds: curly quotes, dashes, the euro
/// sign, written either raw (passed on by a Latin-1 decoder on their way into UTF-8) or as <c>&amp;#146;</c>.
/// HTML reads the references this way too, and feedparser both.
/// </summary>
public static class Windows1252
{
    /// <summary>The windows-1252 character of each byte 0x80-0x9F (the five it leaves undefined map to themselves).</summary>
    private static readonly char[] High;

    static Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        High = Encoding.GetEncoding(1252).GetChars([.. Enumerable.Range(0x80, 32).Select(b => (byte)b)]);
    }

    public static bool IsC1(int code) => code is >= 0x80 and <= 0x9F;

    /// <summary>The character a C1 code point stood for.</summary>
    public static char CharacterOf(int c1) => High[c1 - 0x80];

    /// <summary>Replaces each raw C1 control in <paramref name="text"/> by its windows-1252 character, in place.</summary>
    public static void RepairC1(Span<char> text)
    {
        var first = text.IndexOfAnyInRange('\u0080', '\u009F');
        if (first < 0)
        {
            return;
        }

        for (var i = first; i < text.Length; i++)
        {
            if (IsC1(text[i]))
            {
                text[i] = CharacterOf(text[i]);
            }
        }
    }
}
