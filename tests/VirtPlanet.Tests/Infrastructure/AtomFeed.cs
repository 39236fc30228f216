using System.Security;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>Small Atom documents for tests that need N entries or an entry that changes between polls.</summary>
public static class AtomFeed
{
    public static string With(string title, IEnumerable<(string Id, string Title, DateTime Published, string Content)> entries) =>
        $"""
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
          <title>{SecurityElement.Escape(title)}</title>
          <id>urn:test:{Uri.EscapeDataString(title)}</id>
          <link href="https://blog.example/"/>
          <updated>2017-09-01T00:00:00Z</updated>
          <author><name>{SecurityElement.Escape(title)}</name></author>
          {string.Concat(entries.Select(e => $"""
            <entry>
              <id>{SecurityElement.Escape(e.Id)}</id>
              <title>{SecurityElement.Escape(e.Title)}</title>
              <link href="https://blog.example/{Uri.EscapeDataString(e.Id)}"/>
              <published>{e.Published:yyyy-MM-ddTHH:mm:ssZ}</published>
              <updated>{e.Published:yyyy-MM-ddTHH:mm:ssZ}</updated>
              <content type="html">{SecurityElement.Escape(e.Content)}</content>
            </entry>
            """))}
        </feed>
        """;

    public static string WithEntries(string title, int count, DateTime newest) =>
        With(title, Enumerable.Range(0, count).Select(i => ($"urn:entry:{i}", $"Post {i}", newest.AddDays(-i), $"<p>Post number {i}</p>")));
}
