using System.Runtime.InteropServices;
using System.Text;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>FeedParser's contract on hostile and broken input, authors and keys.</summary>
public sealed class FeedParserTests
{
    private static readonly Uri FeedUrl = new("https://blog.example/feed.xml");
    private readonly FeedParser parser = new();

    public static TheoryData<string, string> Unreadable() => new()
    {
        { "<!DOCTYPE html><html><body>hi</body></html>", "Not a feed: the document is HTML" },
        { "<?xml version=\"1.0\"?>\n<rss version=\"2.0\">\n<channel><title>x</title>", "Not well-formed XML at line 3" },
        { "", "Not a feed: the document is empty" },
        { "<opml version=\"2.0\"/>", "Not a feed: the root element is <opml>" },
        {
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
            + "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
            + "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">]>"
            + "<rss version=\"2.0\"><channel><title>&e;</title></channel></rss>",
            "Not well-formed XML"
        },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void UnreadableDocumentFailsWithAReadableFeedParseException(string document, string message)
    {
        var error = Assert.Throws<FeedParseException>(() => parser.Parse(Encoding.UTF8.GetBytes(document), "application/rss+xml", FeedUrl));

        Assert.StartsWith(message, error.Message);
    }

    [Theory]
    [InlineData(SafeXml.MaxDepth - 10, true)]
    [InlineData(SafeXml.MaxDepth + 1, false)]
    public void ElementsNestedDeeperThanBrowsersNestHtmlAreRefused(int xhtmlDepth, bool readable)
    {
        var xhtml = string.Concat(Enumerable.Repeat("<div>", xhtmlDepth)) + "deep" + string.Concat(Enumerable.Repeat("</div>", xhtmlDepth));
        var atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>urn:e</id><title>e</title>"
            + $"<content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{xhtml}</div></content></entry></feed>";

        if (readable)
        {
            Assert.Contains("deep", Assert.Single(parser.Parse(Encoding.UTF8.GetBytes(atom), "application/atom+xml", FeedUrl).Entries).ContentHtml);
        }
        else
        {
            var error = Assert.Throws<FeedParseException>(() => parser.Parse(Encoding.UTF8.GetBytes(atom), "application/atom+xml", FeedUrl));
            Assert.Equal($"Not a readable feed: elements are nested more than {SafeXml.MaxDepth} deep", error.Message);
        }
    }

    [Theory]
    [InlineData("<b>QEMU</b> 2.10 <script>alert(1)</script>released<STYLE type=\"text/css\">p{}</style >!", "QEMU 2.10 released !")]
    [InlineData("a <a href='x>y'>link</a> &amp; <!-- c --> b", "a link & b")]
    [InlineData("unclosed <script>alert(1) and <a title=\"q", "unclosed alert(1) and <a title=\"q")]
    public void HtmlTitlesBecomePlainText(string html, string expected)
    {
        var atom = "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>urn:e</id>"
            + $"<title type=\"html\">{System.Security.SecurityElement.Escape(html)}</title></entry></feed>";

        var entry = Assert.Single(parser.Parse(Encoding.UTF8.GetBytes(atom), "application/atom+xml", FeedUrl).Entries);

        Assert.Equal(expected, entry.Title);
    }

    [Fact]
    public void NestingThatAnEntityAddsIsRefusedToo()
    {
        var depth = SafeXml.MaxDepth + 1;
        var nested = string.Concat(Enumerable.Repeat("<b>", depth)) + "deep" + string.Concat(Enumerable.Repeat("</b>", depth));
        var rss = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY deep \"{nested}\">]><rss version=\"2.0\"><channel><title>t</title>"
            + "<item><guid>g</guid><title>i</title><description>&deep;</description></item></channel></rss>";

        var error = Assert.Throws<FeedParseException>(() => parser.Parse(Encoding.UTF8.GetBytes(rss), "application/rss+xml", FeedUrl));

        Assert.Equal($"Not a readable feed: elements are nested more than {SafeXml.MaxDepth} deep", error.Message);
    }

    public static TheoryData<string> ScriptLinks => ["javascript:alert(1)", " JavaScript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"];

    [Theory]
    [MemberData(nameof(ScriptLinks))]
    public void LinksThatAreNotHttpAreDroppedFromEntriesAndFeeds(string link)
    {
        var rss = $"<rss version=\"2.0\"><channel><title>t</title><link>{System.Security.SecurityElement.Escape(link)}</link>"
            + $"<item><guid isPermaLink=\"false\">1</guid><title>x</title><link>{System.Security.SecurityElement.Escape(link)}</link></item></channel></rss>";

        var feed = parser.Parse(Encoding.UTF8.GetBytes(rss), "application/rss+xml", FeedUrl);

        Assert.Null(feed.SiteUrl);
        Assert.Null(Assert.Single(feed.Entries).Link);
    }

    [Fact]
    public void ExternalEntitiesAreNeverFetched()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "SECRET");
        var document = $"<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file://{path}\">]><rss version=\"2.0\"><channel><title>t&x;</title></channel></rss>";

        try
        {
            var feed = parser.Parse(Encoding.UTF8.GetBytes(document), null, FeedUrl);
            Assert.DoesNotContain("SECRET", feed.Title ?? string.Empty);
        }
        catch (FeedParseException)
        {
            // Refusing the document is as good as not resolving the entity.
        }
        finally
        {
            File.Delete(path);
        }
    }

    public static TheoryData<string?, string> Authors() => new()
    {
        { "<author>noreply@blogger.com (Cornelia Huck)</author>", "Cornelia Huck" },
        { "<author>rich@example.com</author>", "Planet Blog" },
        { "<dc:creator>Kevin Wolf</dc:creator>", "Kevin Wolf" },
        { "<author>Daniel P. Berrangé &lt;berrange@example.com&gt;</author>", "Daniel P. Berrangé" },
        { null, "Planet Blog" },
    };

    [Theory]
    [MemberData(nameof(Authors))]
    public void EntryAuthorIsANameNeverAnEmailAddress(string? authorElement, string expected)
    {
        var rss = $"""
            <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Planet &amp; <b>Blog</b></title>
            <item><title>t</title>{authorElement}</item></channel></rss>
            """;

        var entry = parser.Parse(Encoding.UTF8.GetBytes(rss), null, FeedUrl).Entries.Single();

        Assert.Equal(expected.Replace("Planet Blog", "Planet & Blog", StringComparison.Ordinal), entry.Author);
    }

    public static TheoryData<string, string> Titles() => new()
    {
        { "QEMU 9.2 released", "QEMU 9.2 released" },
        { "  QEMU \t 9.2\n\nreleased  ", "QEMU 9.2 released" },
        { "QEMU\u00A09.2\u2028released", "QEMU 9.2 released" },
        { "QEMU  9.2", "QEMU 9.2" },
        { "Q", "Q" },
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void EntryTitlesAreOneLineWhateverWhitespaceTheyHold(string title, string expected)
    {
        var rss = $"<rss version=\"2.0\"><channel><title>x</title><item><title>{title}</title></item></channel></rss>";

        var entry = parser.Parse(Encoding.UTF8.GetBytes(rss), null, FeedUrl).Entries.Single();

        Assert.Equal(expected, entry.Title);
    }

    [Fact]
    public void RepeatedGuidsFallBackToLinksSoDistinctPostsAreNotMerged()
    {
        const string rss = """
            <rss version="2.0"><channel><title>x</title>
            <item><guid>https://blog.example/</guid><link>/a</link><title>A</title></item>
            <item><guid>https://blog.example/</guid><link>/b</link><title>B</title></item>
            </channel></rss>
            """;

        var first = parser.Parse(Encoding.UTF8.GetBytes(rss), null, FeedUrl).Entries;
        var again = parser.Parse(Encoding.UTF8.GetBytes(rss), null, FeedUrl).Entries;

        Assert.Equal(["https://blog.example/a", "https://blog.example/b"], first.Select(e => e.Key));
        Assert.Equal(first.Select(e => e.Key), again.Select(e => e.Key));
    }

    [Theory]
    [InlineData("http://www.itunes.com/dtds/podcast-1.0.dtd")]
    [InlineData("http://www.itunes.com/DTDs/Podcast-1.0.dtd")]
    public void PodcastEpisodesKeepTheirITunesAuthorAndSummaryUnderEitherNamespaceSpelling(string itunes)
    {
        var rss = $"""
            <rss version="2.0" xmlns:itunes="{itunes}"><channel><title>KVM Forum talks</title>
            <item><guid>talk-1</guid><title>Live migration</title><itunes:author>Stefan Hajnoczi</itunes:author>
            <itunes:summary>What changed &amp; why</itunes:summary></item></channel></rss>
            """;

        var entry = Assert.Single(parser.Parse(Encoding.UTF8.GetBytes(rss), null, FeedUrl).Entries);

        Assert.Equal("Stefan Hajnoczi", entry.Author);
        Assert.Contains("What changed &amp; why", entry.SummaryHtml);
    }

    [Fact]
    public void Windows1252BytesPassedOnAsC1ControlsBecomeTheQuotesTheyWere()
    {
        // UTF-8 text with U+0092 and U+0093/U+0094: curly quotes that went through a Latin-1 decoder somewhere.
        var rss = "<rss version=\"2.0\"><channel><title>Don\u0092t panic</title><item><guid>q1</guid>" +
            "<title>\u0093Quoted\u0094 \u0096 \u0080 5</title><description>don\u0092t</description></item></channel></rss>";

        var feed = parser.Parse(Encoding.UTF8.GetBytes(rss), "application/rss+xml; charset=utf-8", FeedUrl);

        Assert.Equal("Don\u2019t panic", feed.Title);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("\u201CQuoted\u201D \u2013 \u20AC 5", entry.Title);
        Assert.Contains("don\u2019t", entry.SummaryHtml ?? entry.ContentHtml);
    }

    [Fact]
    public void HtmlEntitiesUndefinedInXmlAreResolvedAndIllegalCharactersDropped()
    {
        var rss = "<rss version=\"2.0\"><channel><title>caf&eacute;&nbsp;\u0001bar</title><ttl>90</ttl></channel></rss>";

        var feed = parser.Parse(Encoding.UTF8.GetBytes(rss), null, FeedUrl);

        Assert.Equal("café bar", feed.Title);
        Assert.Equal(TimeSpan.FromMinutes(90), feed.Ttl);
    }

    [Fact]
    public void CharactersXmlForbidsAreDroppedFromAUtf16DocumentAndTheTextAroundThemIsKept()
    {
        // NUL, a vertical tab, a byte order mark inside the text and U+FFFE go; the penguin's surrogate pair and the
        // windows-1252 quote (as a C1 control) around them stay whole.
        var rss = "<rss version=\"2.0\"><channel><title>a\u0000b \U0001F427\u000Bc\uFEFF d\uFFFE\u0092e</title></channel></rss>";
        var body = Encoding.Unicode.GetPreamble().Concat(MemoryMarshal.AsBytes(rss.AsSpan()).ToArray()).ToArray();

        var feed = parser.Parse(body, "application/rss+xml", FeedUrl);

        Assert.Equal("ab \U0001F427c d\u2019e", feed.Title);
    }

    [Theory]
    [InlineData("1 &lt; 2 &amp;&amp; 3 &gt; 2 &quot;q&quot; &apos;a&apos; &#233; &#xE9;", "1 < 2 && 3 > 2 \"q\" 'a' é é")]
    [InlineData("1 &lt; 2 at AT&T", "1 < 2 at AT&T")]
    [InlineData("1 &lt; 2 &#146;quoted&#146;", "1 < 2 \u2019quoted\u2019")]
    [InlineData("1 &lt; 2 &#0146;", "1 < 2 \u2019")]
    [InlineData("1 &lt; 2 &eacute;", "1 < 2 é")]
    [InlineData("1 &lt; 2 &#x;", "1 < 2 &#x;")]
    public void XmlReferencesAreKeptAndEverythingElseAfterAnAmpersandIsReadAsABrowserWould(string title, string expected)
    {
        var rss = $"<rss version=\"2.0\"><channel><title>{title}</title></channel></rss>";

        Assert.Equal(expected, parser.Parse(Encoding.UTF8.GetBytes(rss), null, FeedUrl).Title);
    }

    [Fact]
    public void PlainTextAtomContentIsEscapedAndXhtmlContentLosesItsWrapper()
    {
        const string atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/"><title type="html">A &lt;b&gt;bold&lt;/b&gt; blog</title>
            <link href="/"/>
            <entry><id>1</id><title>t</title><link href="one.html"/><summary type="text">1 &lt; 2</summary>
            <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Hi <b>there</b></p></div></content></entry>
            </feed>
            """;

        var feed = parser.Parse(Encoding.UTF8.GetBytes(atom), "application/atom+xml", FeedUrl);
        var entry = feed.Entries.Single();

        Assert.Equal("A bold blog", feed.Title);
        Assert.Equal("https://blog.example/", feed.SiteUrl);
        Assert.Equal("https://blog.example/posts/one.html", entry.Link);
        Assert.Equal("1 &lt; 2", entry.SummaryHtml);
        Assert.Equal("<p>Hi <b>there</b></p>", entry.ContentHtml);
        Assert.Equal("https://blog.example/posts/", entry.BaseUri?.AbsoluteUri);
    }

    [Fact]
    public void HttpCharsetWinsOverTheXmlDeclarationAndInvalidUtf8IsReplaced()
    {
        var latin1 = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Fid\u00eancio</title></channel></rss>");

        Assert.Equal("Fidêncio", parser.Parse(latin1, "application/rss+xml; charset=ISO-8859-1", FeedUrl).Title);
        Assert.Equal("Fid\ufffdncio", parser.Parse(latin1, null, FeedUrl).Title);
    }
}
