using System.Text;
using Microsoft.Extensions.Options;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;
using Xunit.Abstractions;

namespace VirtPlanet.Tests.Feeds;

/// <summary>
/// The sanitizer's fast path (<see cref="SimpleMarkup"/>) must store exactly what the full path (parser, rules,
/// allow-lists, serializer) stores for the same markup, and leave everything else to it.
/// </summary>
public sealed class SimpleMarkupTests(ITestOutputHelper output)
{
    private static readonly Uri PostUri = new("https://blog.example/2024/05/post.html");

    private readonly PostSanitizer sanitizer = new(Options.Create(new ContentOptions()));

    [Theory]
    [InlineData("<p>Hello, <em>world</em>.</p>")]
    [InlineData("<p>QEMU 9.1 is out: <a href=\"https://www.qemu.org/2024/09/03/qemu-9-1-0/\" title=\"the release\">read the announcement</a>.</p>\n")]
    [InlineData("<h3>Heading</h3>\n<ul>\n  <li>one</li>\n  <li>two <code>virsh list</code></li>\n</ul>\n<blockquote><p>quoted</p></blockquote>")]
    [InlineData("<pre tabindex=\"0\"><code class=\"language-sh foo\">$ virsh start guest &amp;&amp; echo &quot;ok&quot; &gt; log\n</code></pre>")]
    [InlineData("<p><img src=\"https://blog.example/a.png\" alt=\"a &quot;diagram&quot; &amp; more\" width=\"640\" height=\"480\" loading=\"lazy\"></p>")]
    [InlineData("<p>Line<br>break<br/>and<br />more, &lt;tag&gt;, caf&eacute; &#8217;quoted&#x2019; &nbsp;and\u00A0nbsp, 1 > 0</p>")]
    [InlineData("<div id=\"x\" class=\"entry-content\"><p>One</p><p>two, <strong>nested <em>inline</em></strong></p></div>")]
    [InlineData("<ol><li><p>para in item</p><ul><li>nested</li></ul></li></ol><hr><p>tail")]
    [InlineData("<figure><img src=\"http://blog.example/x.jpg\" alt=''><figcaption>A <a href=\"https://example.org/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener\">caption</a></figcaption></figure>")]
    [InlineData("emoji 😀 and 日本語 in <b>text</b>")]
    [InlineData("   <p>  spaced  </p>   ")]
    [InlineData("<h2><a id=\"top\" class=\"anchor\"></a>An anchor without a link</h2>")]
    public void MarkupInTheFastPathsShapeIsStoredAsTheFullPathStoresIt(string html)
    {
        var fast = new StringBuilder();

        Assert.True(SimpleMarkup.TryWrite(html, fast), html);
        Assert.Equal(FullPath(html), sanitizer.Sanitize(html, PostUri));
    }

    [Theory]
    [InlineData("<p>one<p>two</p>")]
    [InlineData("<p>an <em>unclosed</p>")]
    [InlineData("<b><i>misnested</b></i>")]
    [InlineData("<a href=\"https://a.example/\">a <a href=\"https://b.example/\">b</a></a>")]
    [InlineData("<p>a <ul><li>list in a paragraph</li></ul></p>")]
    [InlineData("<ul><li>one<li>two</ul>")]
    [InlineData("<li>an item outside a list</li>")]
    [InlineData("<a href=\"/relative\">relative</a>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    [InlineData("<img src=\"https://feeds.feedburner.com/~r/blog/~4/abc\" width=\"1\" height=\"1\">")]
    [InlineData("<img src=\"https://blog.example/pixel.gif\" width=\"1\" height=\"1\">")]
    [InlineData("<img data-src=\"https://blog.example/lazy.png\" src=\"data:image/gif;base64,R0lGOD\">")]
    [InlineData("<div class=\"feedflare\"><a href=\"https://example.org/\">share</a></div>")]
    [InlineData("<pre>\nleading newline</pre>")]
    [InlineData("<p style=\"color: red\">styled</p>")]
    [InlineData("<p onclick=\"alert(1)\">handler</p>")]
    [InlineData("<!-- comment --><p>x</p>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<P>upper case</P>")]
    [InlineData("<p title=x>unquoted</p>")]
    [InlineData("<p title=\"a\" title=\"b\">twice</p>")]
    [InlineData("AT&T, a bare ampersand")]
    [InlineData("&#128; a C1 reference")]
    [InlineData("text\r\nwith CR")]
    [InlineData("<p title=\"&{alert(1)}\">include</p>")]
    [InlineData("<table><tr><td>cell</td></tr></table>")]
    public void MarkupOutsideTheFastPathsShapeGoesThroughTheFullPath(string html)
    {
        Assert.False(SimpleMarkup.TryWrite(html, new StringBuilder()), html);
        Assert.Equal(FullPath(html), sanitizer.Sanitize(html, PostUri));
    }

    [Fact]
    public void DeepMarkupIsLeftToTheTimedFullPath()
    {
        var deep = string.Concat(Enumerable.Repeat("<div>", 100)) + "x";

        Assert.False(SimpleMarkup.TryWrite(deep, new StringBuilder()));
    }

    [Fact]
    public void EveryPostOfTheTestCorporaIsStoredAsTheFullPathStoresIt()
    {
        var parser = new FeedParser();
        var feeds = Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Corpus, "real"), "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "tests", "VirtPlanet.Tests", "TestData", "Feeds"), "*.atom", SearchOption.AllDirectories));
        var fragments = new List<(string Html, Uri? Base)>();
        foreach (var file in feeds)
        {
            var feed = parser.Parse(File.ReadAllBytes(file), null, PostUri);
            fragments.AddRange(feed.Entries.SelectMany(e => new[] { e.ContentHtml, e.SummaryHtml }.OfType<string>().Select(html => (html, e.BaseUri))));
        }

        var expectations = SanitizeExpectations.Load(RepositoryRoot.Corpus);
        fragments.AddRange(Directory.EnumerateFiles(SanitizeCorpusCase.Folder, "*.xml")
            .SelectMany(f => SanitizeCorpusCase.Load(Path.GetFileName(f), expectations).Fragments)
            .Select(html => (html, (Uri?)PostUri)));

        var accepted = AssertFastPathAgrees(fragments);

        output.WriteLine($"{accepted} of {fragments.Count} fragments took the fast path");
        Assert.InRange(accepted, 200, fragments.Count);
    }

    [Fact]
    public void GeneratedMarkupTheFastPathAcceptsIsStoredAsTheFullPathStoresIt()
    {
        var random = new Random(20261126);
        var fragments = Enumerable.Range(0, 20_000).Select(_ => (Generate(random), (Uri?)PostUri)).ToList();

        var accepted = AssertFastPathAgrees(fragments);

        output.WriteLine($"{accepted} of {fragments.Count} generated fragments took the fast path");
        // The grammar makes both kinds: well-formed markup the fast path takes, and breakage it must refuse.
        Assert.InRange(accepted, fragments.Count / 4, fragments.Count * 9 / 10);
    }

    private int AssertFastPathAgrees(List<(string Html, Uri? Base)> fragments)
    {
        var accepted = 0;
        var fast = new StringBuilder();
        foreach (var (html, baseUri) in fragments)
        {
            if (!html.AsSpan().ContainsAny("<&") || !SimpleMarkup.TryWrite(html, fast))
            {
                continue;
            }

            accepted++;
            var clean = fast.ToString();
            var full = FullPath(html, baseUri);
            Assert.True(full == (string.IsNullOrWhiteSpace(clean) ? string.Empty : clean), $"fast path differs on: [{Codes(html)}]: full [{Codes(full)}], fast [{Codes(clean)}]");
        }

        return accepted;
    }

    private static string Codes(string text) => string.Join(' ', text.Select(c => c < 0x20 || c > 0x7E ? $"U+{(int)c:X4}" : c.ToString()));

    private string FullPath(string html, Uri? baseUri = null) => sanitizer.SanitizeMarkup(html, baseUri ?? PostUri, sanitizer.NewBudget());

    private static readonly string[] Blocks = ["p", "div", "blockquote", "ul", "ol", "li", "pre", "h2", "h3", "figure", "figcaption", "hr", "p", "div"];
    private static readonly string[] Inlines = ["a", "em", "strong", "b", "i", "code", "span", "sub", "kbd", "q", "br", "img", "wbr", "u", "em", "a"];
    private static readonly string[] Texts =
    [
        "text", " ", "\n", "  ", "café", "&amp;", "&lt;", "&gt;", "&quot;", "&nbsp;", "\u00A0", "&eacute;", "&#8217;", "&#x27;",
        "&#x1F600;", "😀", "a > b", "\uFEFF", "&hellip;", "&notin;", "&lang;", "&Tab;", "&NewLine;", "\t", "'\"",
    ];

    /// <summary>Text the fast path refuses: references the parser reads in other ways, controls, a lone surrogate.</summary>
    private static readonly string[] BadTexts = ["&not", "&#0;", "&#x80;", "&amp", "AT&T", "\r", "\u0001", "\uD800", "<", "<!-- c -->"];

    private static readonly string[] AttributeValues =
    [
        "https://blog.example/x?a=1&amp;b=2", "http://blog.example/", "x", "", "a &quot;q&quot; b", "it's", "100", "language-c",
        "language-sh extra", "caf&eacute;", "\u00A0", "a\nb", "a < b", "a > b",
    ];

    private static readonly string[] BadAttributeValues =
    [
        "/relative", "javascript:alert(1)", "1", "feedflare", "&{x}", "https://feeds.feedburner.com/~r/x", "https://blog.example/a b", "&notit;",
    ];

    /// <summary>Attributes feeds put on each element, then ones the fast path refuses anywhere.</summary>
    private static readonly string[] LinkAttributes = ["title", "id", "target", "rel", "class", "lang"];
    private static readonly string[] ImageAttributes = ["alt", "width", "height", "title", "loading", "class", "decoding"];
    private static readonly string[] OtherAttributes = ["title", "class", "lang", "id", "dir", "tabindex"];
    private static readonly string[] BadAttributes = ["style", "data-src", "href", "src", "alt", "width", "onclick", "srcset"];

    private static string Value(Random random, int usual) =>
        random.Next(20) == 0 ? BadAttributeValues[random.Next(BadAttributeValues.Length)] : AttributeValues[random.Next(4) == 0 ? random.Next(AttributeValues.Length) : usual];

    /// <summary>Markup from a small grammar: mostly well-formed posts in the shapes feeds send, with breakage mixed in.</summary>
    private static string Generate(Random random)
    {
        var html = new StringBuilder();
        var open = new Stack<string>();
        var steps = random.Next(1, 30);
        for (var step = 0; step < steps; step++)
        {
            var roll = random.Next(100);
            if (roll < 30)
            {
                html.Append(random.Next(40) == 0 ? BadTexts[random.Next(BadTexts.Length)] : Texts[random.Next(Texts.Length)]);
            }
            else if (roll < 55 && open.Count > 0)
            {
                // Usually the matching end tag; sometimes another one.
                var name = random.Next(20) == 0 ? Blocks[random.Next(Blocks.Length)] : open.Pop();
                html.Append("</").Append(name).Append('>');
            }
            else
            {
                var phrasing = open.Count > 0 && open.Peek() is not ("div" or "blockquote" or "ul" or "ol" or "li" or "figure" or "figcaption");
                var inline = phrasing ? random.Next(20) != 0 : random.Next(2) == 0;
                var name = inline ? Inlines[random.Next(Inlines.Length)] : Blocks[random.Next(Blocks.Length)];
                if (name is "li" && open.Count > 0 && open.Peek() is not ("ul" or "ol") && random.Next(10) != 0)
                {
                    name = "p";
                }
                html.Append('<').Append(name);
                var attributes = random.Next(4) == 0 ? random.Next(1, 3) : 0;
                if (name is "a")
                {
                    html.Append(" href=\"").Append(Value(random, 0)).Append('"');
                }
                else if (name is "img")
                {
                    html.Append(" src=\"").Append(Value(random, 1)).Append('"');
                }

                for (var i = 0; i < attributes; i++)
                {
                    var quote = random.Next(5) == 0 ? '\'' : '"';
                    string[] names = random.Next(20) == 0 ? BadAttributes : name switch { "a" => LinkAttributes, "img" => ImageAttributes, _ => OtherAttributes };
                    html.Append(' ').Append(names[random.Next(names.Length)]).Append('=').Append(quote)
                        .Append(Value(random, random.Next(AttributeValues.Length))).Append(quote);
                }

                var isVoid = name is "br" or "img" or "wbr" or "hr";
                html.Append(random.Next(isVoid ? 4 : 40) == 0 ? "/>" : ">");
                if (!isVoid)
                {
                    open.Push(name);
                }
            }
        }

        while (open.Count > 0 && random.Next(4) != 0)
        {
            html.Append("</").Append(open.Pop()).Append('>');
        }

        return html.ToString();
    }
}
