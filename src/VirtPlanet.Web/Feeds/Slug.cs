using System.Globalization;
using System.Text;

namespace VirtPlanet.Web.Feeds;

/// <summary>URL-safe names: "Cédric Bosdonnat" becomes "cedric-bosdonnat".</summary>
public static class Slug
{
    public const int MaxLength = 60;

    public static string From(string text)
    {
        var builder = new StringBuilder(text.Length);
        // Normalize refuses unpaired surrogates (hostile feeds have them); they carry nothing a slug could use.
        var clean = new string(text.Where((c, i) => !char.IsSurrogate(c) || char.IsSurrogatePair(text, char.IsHighSurrogate(c) ? i : i - 1)).ToArray());
        foreach (var c in clean.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug.Length == 0 ? "feed" : slug;
    }
}
