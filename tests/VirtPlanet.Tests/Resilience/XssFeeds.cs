using System.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// Two hostile feeds over the same vectors: every vector as an entry's title, content, summary and author name,
/// every entry linking to a script URL, and the feeds' own titles, authors and site links hostile too.
/// </summary>
public static class XssFeeds
{
    public const string AtomPath = "/xss.atom";
    public const string RssPath = "/xss.rss";

    private static readonly DateTime Newest = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    public static void Map(WebApplication app, IReadOnlyList<string> vectors)
    {
        app.MapGet(AtomPath, () => Results.Text(Atom(vectors), "application/atom+xml"));
        app.MapGet(RssPath, () => Results.Text(Rss(vectors), "application/rss+xml"));
    }

    private static string Atom(IReadOnlyList<string> vectors) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title type="html">{Escape(vectors[3])} Atom feed</title>
          <id>urn:xss:atom</id>
          <link rel="alternate" type="text/html" href="{Escape(XssVectors.ScriptLinks[0])}"/>
          <updated>2024-06-01T12:00:00Z</updated>
          <author><name>{Escape(vectors[0])}</name></author>
          {string.Concat(vectors.Select((vector, i) => $"""
            <entry>
              <id>urn:xss:atom:{i}</id>
              <title type="{(i % 2 == 0 ? "html" : "text")}">{Escape(vector)}</title>
              <link rel="alternate" type="text/html" href="{LinkAttribute(i)}"/>
              <published>{Newest.AddHours(-i):yyyy-MM-ddTHH:mm:ssZ}</published>
              <author><name>{Escape(vector)}</name></author>
              <summary type="html">{Escape(vector)} summary</summary>
              <content type="html">{Escape(vector)} content</content>
            </entry>
            """))}
        </feed>
        """;

    private static string Rss(IReadOnlyList<string> vectors) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>{Escape(vectors[0])} RSS feed</title>
            <link>{Escape(XssVectors.ScriptLinks[4])}</link>
            <description>{Escape(vectors[1])}</description>
            {string.Concat(vectors.Select((vector, i) => $"""
              <item>
                <guid isPermaLink="false">urn:xss:rss:{i}</guid>
                <title>{Escape(vector)}</title>
                <link>{LinkText(i)}</link>
                <pubDate>{Newest.AddHours(-i).AddMinutes(-30):R}</pubDate>
                <dc:creator>{Escape(vector)}</dc:creator>
                <description>{Escape(vector)} summary</description>
                <content:encoded><![CDATA[{vector.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal)} content]]></content:encoded>
              </item>
              """))}
          </channel>
        </rss>
        """;

    /// <summary>One of the script links; the entity-obfuscated one goes in raw, so XML decodes its character reference.</summary>
    private static string LinkAttribute(int i) =>
        XssVectors.ScriptLinks[i % XssVectors.ScriptLinks.Length] is var link && link.Contains("&#", StringComparison.Ordinal) ? link : Escape(link);

    private static string LinkText(int i) => LinkAttribute(i + 1);

    private static string Escape(string text) => SecurityElement.Escape(text);
}
