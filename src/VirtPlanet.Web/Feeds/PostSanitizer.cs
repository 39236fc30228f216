using System.Buffers;
using System.Globalization;
using System.Text;
using AngleSharp;
using AngleSharp.Css.Parser;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Microsoft.Extensions.Options;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Cleans untrusted feed HTML once, at ingest; only its output is ever rendered as markup (on the site and in
/// the planet's own feeds). The policy is in docs/sanitizer.md.
/// </summary>
/// <remarks>
/// Thread-safe: the HtmlSanitizer is configured once here and only read afterwards (its Sanitize methods are
/// safe to share then), the parsers are shared as HtmlSanitizer shares its own, every call parses into a document of its
/// own, and what a call keeps (the output buffer, the budget of a timed parse: <see cref="TimedHtml"/>) is per thread.
/// </remarks>
public sealed class PostSanitizer(IOptions<ContentOptions> options)
{
    /// <summary>
    /// Characters that make the parser build something other than one text node holding the input as written: a tag or
    /// comment ('&lt;'), a character reference ('&amp;'), a line break it rewrites (CR) or a character it drops (NUL).
    /// </summary>
    private static readonly SearchValues<char> NeedsParser = SearchValues.Create("<&\r\0");

    private const int MaxKeptOutput = 256 * 1024;

    private static readonly HashSet<string> VoidElements =
    [
        "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen",
        "link", "meta", "param", "source", "track", "wbr",
    ];

    /// <summary>The serializer's buffer, one per thread (sanitizing is synchronous, so a post never changes threads).</summary>
    [ThreadStatic]
    private static StringBuilder? output;

    /// <summary>
    /// Markup longer than this is parsed with the clock of its <see cref="CleaningBudget"/> checked as it goes. Shorter
    /// markup cannot take long (the worst case, 32 KB of unclosed tags, ≈ 0.2 s) and skips the check, which costs ≈ 6 %
    /// of parsing; the budget is still checked between posts.
    /// </summary>
    private const int TimedLength = 32 * 1024;

    // Built on first use: a poll where every feed answers 304 sanitizes nothing (≈ 40 ms of a command's start, measured).
    private readonly Lazy<HtmlSanitizer> policy = new(() =>
    {
        var sanitizer = SanitizerPolicy.Create();
        sanitizer.HtmlParserFactory = () => Parsers.Plain;
        return sanitizer;
    });
    private readonly VideoEmbeds videoEmbeds = new(options);

    /// <summary>A budget for cleaning one fetch: every post of it is cleaned within the same <see cref="ContentOptions.CleaningTimeLimit"/>.</summary>
    public CleaningBudget NewBudget() => new(options.Value.CleaningTimeLimit);

    /// <exception cref="CleaningTimeoutException">Cleaning took longer than <paramref name="budget"/> allows (by default, this post's own).</exception>
    public string Sanitize(string html, Uri? baseUri, CleaningBudget? budget = null)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        budget ??= NewBudget();
        budget.ThrowIfSpent();
        if (!html.AsSpan().ContainsAny(NeedsParser))
        {
            return EscapeText(html);
        }

        // Most posts' markup is already in a shape the full path would only copy (SimpleMarkup): ≈ 15 times faster.
        var buffer = output ??= new StringBuilder(8 * 1024);
        return SimpleMarkup.TryWrite(html, buffer) ? Result(buffer) : SanitizeMarkup(html, baseUri, budget);
    }

    /// <summary>
    /// Text without any of <see cref="NeedsParser"/> (a plain-text summary, as most Atom summaries are) parses to a single
    /// text node that no rule touches, so the result is what the serializer writes for it: only '&gt;' and no-break
    /// spaces escaped. About a fifth of a cold poll's sanitizing went to such summaries, nearly all of it fixed
    /// per-document cost (parsing, the load events, the allow-list passes). PostSanitizerTests holds this to the parser.
    /// </summary>
    private static string EscapeText(string text) =>
        text.Replace(">", "&gt;", StringComparison.Ordinal).Replace("\u00A0", "&nbsp;", StringComparison.Ordinal);

    /// <summary>The full path: parse, the planet's own rules, the allow-lists, serialize.</summary>
    internal string SanitizeMarkup(string html, Uri? baseUri, CleaningBudget budget)
    {
        var sanitizer = policy.Value;
        using var document = Parse("<!doctype html><html><body>" + html, budget);
        if (document.Body is not IHtmlElement body)
        {
            return string.Empty;
        }

        Prepare(body, baseUri);
        sanitizer.SanitizeDom(document, body, baseUri?.AbsoluteUri ?? string.Empty);
        Finish(body);

        return Serialize(body, sanitizer.OutputFormatter);
    }

    private static IHtmlDocument Parse(string html, CleaningBudget budget)
    {
        if (html.Length <= TimedLength)
        {
            return Parsers.Plain.ParseDocument(html);
        }

        return TimedHtml.Run(budget, () => Parsers.Timed.ParseDocument(html));
    }

    /// <summary>
    /// The clean markup, written into this thread's buffer rather than a new one per post (AngleSharp's
    /// <c>ToHtml()</c> grows a fresh StringBuilder each time: ≈ 127 MB of a cold poll of 1,000 feeds). A buffer grown
    /// by an unusually large post is not kept.
    /// </summary>
    private static string Serialize(IElement body, IMarkupFormatter formatter)
    {
        var buffer = output ??= new StringBuilder(8 * 1024);
        buffer.Clear();
        using (var writer = new StringWriter(buffer, CultureInfo.InvariantCulture))
        {
            WriteChildren(body, writer, formatter);
        }

        return Result(buffer);
    }

    /// <summary>The clean markup in this thread's buffer, or nothing if it is only white space. A buffer grown by an unusually large post is not kept.</summary>
    private static string Result(StringBuilder buffer)
    {
        var html = buffer.ToString();
        if (buffer.Capacity > MaxKeptOutput)
        {
            output = null;
        }

        return string.IsNullOrWhiteSpace(html) ? string.Empty : html;
    }

    /// <summary>
    /// Writes the children of <paramref name="root"/> as AngleSharp's <c>ToHtml</c> does, through the same formatter,
    /// but walking the tree with a stack of its own. AngleSharp's element serializer looks its element up among its
    /// siblings, so an element with n siblings costs O(n): 30,000 highlighted tokens in one code block took ≈ 1.5 s to
    /// write, and a megabyte of sibling tags minutes. Its text serializer does the same, so text goes straight to the
    /// formatter too: literally inside the elements whose text HTML does not escape, escaped everywhere else.
    /// </summary>
    private static void WriteChildren(IElement root, TextWriter writer, IMarkupFormatter formatter)
    {
        var open = new Stack<(IElement Parent, int Next)>();
        var parent = root;
        var next = 0;
        while (true)
        {
            var children = parent.ChildNodes;
            if (next < children.Length)
            {
                var node = children[next++];
                if (node is not IElement element)
                {
                    writer.Write(node switch
                    {
                        IText text when parent.LocalName is "script" or "style" or "xmp" or "iframe" or "noembed" or "noframes" or "noscript" => formatter.LiteralText(text),
                        IText text => formatter.Text(text),
                        IComment comment => formatter.Comment(comment),
                        IProcessingInstruction instruction => formatter.Processing(instruction),
                        _ => string.Empty,
                    });
                    continue;
                }

                var isVoid = IsVoid(element);
                writer.Write(formatter.OpenTag(element, isVoid));
                if (isVoid)
                {
                    writer.Write(formatter.CloseTag(element, true));
                    continue;
                }

                // A template's markup is its content fragment, not its children (and never reaches here: UnsafeElements).
                if (element is IHtmlTemplateElement template)
                {
                    template.Content.ChildNodes.ToHtml(writer, formatter);
                    writer.Write(formatter.CloseTag(element, false));
                    continue;
                }

                // A newline opening a pre's text is dropped by the parser, so the serializer writes one more (as AngleSharp does).
                if (element.LocalName is "pre" or "textarea" && element.FirstChild is IText { Data: ['\n', ..] })
                {
                    writer.Write('\n');
                }

                open.Push((parent, next));
                parent = element;
                next = 0;
                continue;
            }

            if (open.Count == 0)
            {
                return;
            }

            writer.Write(formatter.CloseTag(parent, false));
            (parent, next) = open.Pop();
        }
    }

    /// <summary>HTML's void elements, which AngleSharp writes as self-closing: an open tag and nothing else.</summary>
    private static bool IsVoid(IElement element) =>
        element.NamespaceUri == "http://www.w3.org/1999/xhtml" && VoidElements.Contains(element.LocalName);

    /// <summary>Before the allow-lists: what must go with its content, and what needs the raw markup to be recognised.</summary>
    private static void Prepare(IElement body, Uri? baseUri)
    {
        UnsafeElements.Remove(body);
        LazyImages.Load(body);
        FeedJunk.Remove(body, baseUri);
    }

    /// <summary>After the allow-lists, on clean markup with absolute URLs.</summary>
    private void Finish(IElement body)
    {
        videoEmbeds.Apply(body);
        MarkupFinisher.Apply(body);
    }

    /// <summary>
    /// The parser HtmlSanitizer's own is (scripting on, CSS read with HtmlSanitizer 10's options), twice: plain, and
    /// timed. The planet makes its own only to give the timed one a clock, and uses them for all markup alike.
    /// </summary>
    private static class Parsers
    {
        private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default.WithCss(
            new CssParserOptions { IsIncludingUnknownDeclarations = true, IsIncludingUnknownRules = true, IsToleratingInvalidSelectors = true }));

        public static readonly HtmlParser Plain = new(HtmlSanitizer.DefaultHtmlParserFactory().Options, Context);

        public static readonly HtmlParser Timed = new(TimedHtml.WithClock(HtmlSanitizer.DefaultHtmlParserFactory().Options), Context);
    }
}
