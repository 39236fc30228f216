using System.Xml;
using System.Xml.Linq;

namespace VirtPlanet.Web.Feeds;

/// <summary>
/// Loads untrusted feed text without touching the network or disk: external entities and DTDs are never
/// fetched (no resolver), and internal entities may expand to a few kilobytes only, so an entity bomb
/// ("billion laughs") fails as a parse error instead of eating memory. Elements may nest 512 deep at most, as browsers
/// nest HTML. LINQ to XML copies and reads text recursively, so a megabyte of nested XHTML content overflowed the stack
/// and ended the whole process, which no exception handler can stop; and reading 200,000 nested elements took minutes.
/// So the text's tags are counted before it is read, and the tree of a document that declares entities (which can add
/// elements) is checked again after.
/// </summary>
public static class SafeXml
{
    public const int MaxDepth = 512;

    private const int MaxCharactersFromEntities = 64 * 1024;

    public static XDocument Load(DecodedText text)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse,
            XmlResolver = null,
            MaxCharactersFromEntities = MaxCharactersFromEntities,
            CheckCharacters = true,
        };
        RejectDeepMarkup(text.Span);
        try
        {
            using var source = HtmlEntities.MakeXmlSafe(text.Span) is { } rewritten ? new StringReader(rewritten) : text.CreateReader();
            using var reader = XmlReader.Create(source, settings);
            var document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
            // Only entities declared in the document can add elements the text's tags did not show (none are fetched).
            if (!string.IsNullOrEmpty(document.DocumentType?.InternalSubset))
            {
                RejectDeepNesting(document);
            }

            document.DocumentType?.Remove();
            return document;
        }
        catch (XmlException e)
        {
            throw new FeedParseException($"Not well-formed XML at line {e.LineNumber}: {e.Message}", e);
        }
    }

    /// <summary>Walks the elements without recursion (loading does not recurse either) and refuses a tree deeper than <see cref="MaxDepth"/>.</summary>
    private static void RejectDeepNesting(XDocument document)
    {
        XNode? node = document.Root;
        var depth = 0;
        while (node is not null)
        {
            if (node is XElement { FirstNode: { } first })
            {
                if (++depth > MaxDepth)
                {
                    throw TooDeep();
                }

                node = first;
                continue;
            }

            while (node is not null && node.NextNode is null)
            {
                node = node.Parent;
                depth--;
            }

            node = node?.NextNode;
        }
    }

    /// <summary>
    /// Counts open tags in the raw text, without parsing it: start tags open, end tags and empty-element tags do not;
    /// comments, CDATA sections, declarations and processing instructions are skipped, and a quoted '&gt;' does not end a
    /// tag. Exact for well-formed XML; for anything else the reader reports its own error.
    /// </summary>
    private static void RejectDeepMarkup(ReadOnlySpan<char> text)
    {
        var rest = text;
        var depth = 0;
        while (true)
        {
            var open = rest.IndexOf('<');
            if (open < 0 || open + 1 >= rest.Length)
            {
                return;
            }

            rest = rest[(open + 1)..];
            if (rest.StartsWith("!--"))
            {
                rest = After(rest, "-->");
            }
            else if (rest.StartsWith("![CDATA["))
            {
                rest = After(rest, "]]>");
            }
            else if (rest[0] == '?')
            {
                rest = After(rest, "?>");
            }
            else
            {
                var tagEnd = TagEnd(rest);
                var kind = rest[0];
                var empty = tagEnd > 0 && rest[tagEnd - 1] == '/';
                rest = tagEnd < 0 ? [] : rest[(tagEnd + 1)..];
                if (kind == '/')
                {
                    depth--;
                }
                else if (kind != '!' && !empty && ++depth > MaxDepth)
                {
                    throw TooDeep();
                }
            }
        }
    }

    private static ReadOnlySpan<char> After(ReadOnlySpan<char> text, string end)
    {
        var at = text.IndexOf(end, StringComparison.Ordinal);
        return at < 0 ? [] : text[(at + end.Length)..];
    }

    /// <summary>Where the tag that <paramref name="tag"/> starts ends: its '&gt;' outside quoted values, or -1.</summary>
    private static int TagEnd(ReadOnlySpan<char> tag)
    {
        var quote = '\0';
        for (var i = 0; i < tag.Length; i++)
        {
            var c = tag[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return i;
            }
        }

        return -1;
    }

    private static FeedParseException TooDeep() => new($"Not a readable feed: elements are nested more than {MaxDepth} deep");
}
