using System.Text.Json;

namespace VirtPlanet.Tests.Syndication;

/// <summary>What Debian's python3-feedparser (the parser Planet Venus used) reads from a document.</summary>
public sealed record FeedParserResult(int Bozo, string? BozoException, string? Title, IReadOnlyList<FeedParserEntry> Entries)
{
    private const string Script = """
        import feedparser, json, sys, time
        d = feedparser.parse(sys.argv[1], sanitize_html=False, resolve_relative_uris=False)
        iso = lambda t: time.strftime('%Y-%m-%dT%H:%M:%SZ', t) if t else None
        print(json.dumps({
            'bozo': int(d.bozo), 'bozo_exception': str(d.get('bozo_exception', '')) or None, 'title': d.feed.get('title'),
            'entries': [{
                'id': e.get('id'), 'title': e.get('title'), 'link': e.get('link'), 'author': e.get('author'),
                'published': iso(e.get('published_parsed')), 'updated': iso(e.get('updated_parsed')),
                'content': e.content[0].value if 'content' in e else None,
                'source_title': e.get('source', {}).get('title')} for e in d.entries]}))
        """;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static async Task<FeedParserResult> ParseAsync(byte[] document)
    {
        var file = Path.Combine(Path.GetTempPath(), $"virtplanet-{Guid.NewGuid():N}.xml");
        await File.WriteAllBytesAsync(file, document);
        try
        {
            var (exitCode, output) = await ExternalTool.RunAsync("/usr/bin/python3", "-c", Script, file);
            Assert.True(exitCode == 0, $"feedparser failed:\n{output}");
            return JsonSerializer.Deserialize<FeedParserResult>(output, Json)!;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
