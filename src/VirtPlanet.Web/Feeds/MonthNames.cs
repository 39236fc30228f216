namespace VirtPlanet.Web.Feeds;

/// <summary>Month names in the languages feeds localise their RFC 822 dates into (English, Portuguese, Greek, ...).</summary>
internal static class MonthNames
{
    private static readonly Dictionary<string, int> Months = Build();

    /// <summary>1-12 for a month name or its abbreviation (<c>Jan</c>, <c>January</c>, <c>Set</c>, <c>Ιούλ</c>), else null.</summary>
    public static int? Find(string token)
    {
        if (token.Length < 3 || !token.All(char.IsLetter))
        {
            return null;
        }

        var key = token.ToLowerInvariant();
        if (Months.TryGetValue(key, out var month) || Months.TryGetValue(key[..3], out month))
        {
            return month;
        }

        return null;
    }

    private static Dictionary<string, int> Build()
    {
        string[][] names =
        [
            ["jan", "ιαν"], ["feb", "fev", "fév", "φεβ"], ["mar", "mär", "μάρ", "μαρ", "μάώ"], ["apr", "abr", "avr", "απρ"],
            ["may", "mai", "mei", "mag", "μάι", "μαϊ", "μαι"], ["jun", "juin", "ιούν", "ιον"], ["jul", "juil", "ιούλ", "ιολ"],
            ["aug", "ago", "aoû", "αύγ", "αυγ"], ["sep", "set", "σεπ"], ["oct", "okt", "out", "οκτ"],
            ["nov", "νοέ", "νοε"], ["dec", "dez", "dic", "déc", "δεκ"],
        ];
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            foreach (var name in names[i])
            {
                months[name] = i + 1;
            }
        }

        return months;
    }
}
