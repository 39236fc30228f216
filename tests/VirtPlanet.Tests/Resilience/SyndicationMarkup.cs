using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using VirtPlanet.Tests.Feeds;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// What a feed reader would find executable in one of the planet's outputs: the HTML payloads (after the
/// XML or JSON unescaping) checked by <see cref="InertMarkup"/>, and every link checked for a script scheme.
/// </summary>
public static partial class SyndicationMarkup
{
    private static readonly HashSet<string> HtmlElements = ["content", "summary", "description", "encoded"];

    private static readonly HashSet<string> UrlAttributes = ["href", "url", "xmlUrl", "htmlUrl", "about", "resource", "uri"];

    private static readonly HashSet<string> UrlElements = ["link", "uri"];

    public static List<string> Problems(string path, string body) =>
        path.EndsWith(".json", StringComparison.Ordinal) ? JsonProblems(body) : XmlProblems(body);

    private static List<string> XmlProblems(string xml)
    {
        var problems = new List<string>();
        foreach (var element in XDocument.Parse(xml).Descendants())
        {
            var name = element.Name.LocalName;
            if (HtmlElements.Contains(name))
            {
                problems.AddRange(InertMarkup.Problems(element.Value).Select(p => $"<{name}>: {p}"));
            }

            if (UrlElements.Contains(name) && !element.HasElements && IsScriptUrl(element.Value))
            {
                problems.Add($"<{name}> is a script URL: {element.Value}");
            }

            problems.AddRange(element.Attributes()
                .Where(a => UrlAttributes.Contains(a.Name.LocalName) && IsScriptUrl(a.Value))
                .Select(a => $"{a.Name.LocalName} of <{name}> is a script URL: {a.Value}"));
        }

        return problems;
    }

    private static List<string> JsonProblems(string json)
    {
        using var document = JsonDocument.Parse(json);
        var problems = new List<string>();
        foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
        {
            problems.AddRange(InertMarkup.Problems(item.GetProperty("content_html").GetString()!).Select(p => "content_html: " + p));
            var urls = item.TryGetProperty("url", out var url) ? [url.GetString()] : new List<string?>();
            urls.AddRange(item.GetProperty("authors").EnumerateArray().Select(a => a.TryGetProperty("url", out var u) ? u.GetString() : null));
            problems.AddRange(urls.Where(u => u is not null && IsScriptUrl(u)).Select(u => "url is a script URL: " + u));
        }

        return problems;
    }

    private static bool IsScriptUrl(string url) =>
        ScriptScheme().IsMatch(Squeeze().Replace(url, string.Empty));

    [GeneratedRegex(@"[\u0000-\u0020\u007f]")]
    private static partial Regex Squeeze();

    [GeneratedRegex(@"^(?:javascript|vbscript|livescript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptScheme();
}
