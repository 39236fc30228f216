using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VirtPlanet.Tests.Resilience;

/// <summary>The hostile feed corpus: servers and documents that try to hang, exhaust or trick the poller.</summary>
public static class HostileFeeds
{
    public static readonly string SecretFile = Path.Combine(Path.GetTempPath(), "virtplanet-xxe-secret.txt");

    /// <summary>Either an outcome is fine: a clear error or a sane subset of the entries (what XXE and entity bombs may give).</summary>
    public const int ErrorOrPosts = -1;

    /// <summary>Path on the server, and what must be true of the feed after a poll: an error containing the text, or that many posts.</summary>
    public static TheoryData<string, string?, int> Cases => new()
    {
        { "/xxe-file.xml", null, ErrorOrPosts },
        { "/xxe-url.xml", null, ErrorOrPosts },
        { "/billion-laughs.xml", null, ErrorOrPosts },
        { "/fifty-megabytes.xml", "larger than", 0 },
        { "/gzip-bomb.xml", "larger than", 0 },
        { "/one-byte-per-second.xml", "timed out", 0 },
        { "/never-answers.xml", "timed out", 0 },
        { "/redirect-loop.xml", "redirect", 0 },
        { "/redirect-to-file.xml", "only http", 0 },
        { "/invalid-utf8.xml", null, 2 },
        { "/wrong-charset.xml", null, 1 },
        { "/binary-garbage.xml", "", 0 },
        { "/html-page.xml", "HTML", 0 },
        { "/empty.xml", "", 0 },
        { "/ten-thousand-entries.xml", null, 10_000 },
        { "/five-megabyte-entry.xml", null, 1 },
        { "/control-characters.xml", null, 1 },
        { "/duplicate-ids.xml", null, 3 },
        { "/deeply-nested-xhtml.xml", "nested more than 512 deep", 0 },
        { "/many-sibling-tags.xml", null, 1 },
        { "/deeply-nested-html.xml", "took longer than 5 s", 0 },
        { "/script-tags-in-a-title.xml", null, 1 },
    };

    public static void Map(WebApplication app)
    {
        File.WriteAllText(SecretFile, "TOP-SECRET-PLANET-PASSWORD");
        var bomb = GzipBomb();
        app.MapGet("/xxe-file.xml", () => Rss($"<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://{SecretFile}\">]>", Item("xxe-1", "Read &xxe;", "<p>x</p>")));
        app.MapGet("/xxe-url.xml", (HttpContext c) => Rss($"<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"http://{c.Request.Host}/secret\">]>", Item("xxe-2", "Fetch &xxe;", "<p>x</p>")));
        app.MapGet("/secret", () => "TOP-SECRET-FROM-URL");
        app.MapGet("/billion-laughs.xml", () => Rss(BillionLaughs, Item("lol", "&lol9;", "<p>lol</p>")));
        app.MapGet("/fifty-megabytes.xml", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/rss+xml";
            var chunk = Encoding.UTF8.GetBytes(new string('x', 1024 * 1024));
            for (var i = 0; i < 50 && !c.RequestAborted.IsCancellationRequested; i++)
            {
                await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
            }
        });
        app.MapGet("/gzip-bomb.xml", (HttpContext c) =>
        {
            c.Response.Headers.ContentEncoding = "gzip";
            return Results.Bytes(bomb, "application/rss+xml");
        });
        app.MapGet("/one-byte-per-second.xml", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/rss+xml";
            foreach (var b in Encoding.UTF8.GetBytes(Rss(string.Empty, Item("slow", "Slow", "<p>slow</p>"))))
            {
                await c.Response.Body.WriteAsync(new[] { b }, c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
                await Task.Delay(1000, c.RequestAborted);
            }
        });
        app.MapGet("/never-answers.xml", async (CancellationToken token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Results.Ok();
        });
        app.MapGet("/redirect-loop.xml", () => Results.Redirect("/redirect-loop-2.xml"));
        app.MapGet("/redirect-loop-2.xml", () => Results.Redirect("/redirect-loop.xml"));
        app.MapGet("/redirect-to-file.xml", () => Results.Redirect("file:///etc/passwd"));
        app.MapGet("/invalid-utf8.xml", () => Results.Bytes(
            [.. Encoding.UTF8.GetBytes(Rss(string.Empty, Item("u1", "Caf\u00e9 ok", "<p>fine</p>") + Item("u2", "BROKEN", "<p>bad</p>"))).SelectMany(Corrupt)],
            "application/rss+xml; charset=utf-8"));
        app.MapGet("/wrong-charset.xml", () => Results.Bytes(
            Encoding.Latin1.GetBytes(Rss(string.Empty, Item("c1", "Bonjour C\u00e9dric", "<p>\u00e9t\u00e9</p>")).Replace("utf-8", "us-ascii")),
            "application/rss+xml"));
        app.MapGet("/binary-garbage.xml", () => Results.Bytes(Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251)).ToArray(), "application/xml"));
        app.MapGet("/html-page.xml", () => Results.Text("<!DOCTYPE html><html><head><title>Blog</title></head><body><p>Hello</p></body></html>", "application/rss+xml"));
        app.MapGet("/empty.xml", () => Results.Text(string.Empty, "application/rss+xml"));
        app.MapGet("/ten-thousand-entries.xml", () => Results.Text(
            Rss(string.Empty, string.Concat(Enumerable.Range(0, 10_000).Select(i => Item($"many-{i}", $"Entry {i}", $"<p>{i}</p>")))), "application/rss+xml"));
        app.MapGet("/five-megabyte-entry.xml", () => Results.Text(
            Rss(string.Empty, Item("huge", "Huge", "<p>" + string.Concat(Enumerable.Repeat("virtio ", 5 * 1024 * 1024 / 7)) + "</p>")), "application/rss+xml"));
        app.MapGet("/control-characters.xml", () => Results.Text(
            Rss(string.Empty, Item("ctl", "Nul\u0000 and bell\u0007 in a title", "<p>form\u000cfeed \u0001</p>")), "application/rss+xml"));
        // 200,000 nested XHTML elements (2.2 MB): LINQ to XML copied them recursively and overflowed the stack, which
        // ends the process.
        app.MapGet("/deeply-nested-xhtml.xml", () => Results.Text(
            "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Deep</title><entry><id>urn:deep</id><title>Deep</title>"
            + "<updated>2017-09-08T07:24:00Z</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
            + string.Concat(Enumerable.Repeat("<div>", 200_000)) + "x" + string.Concat(Enumerable.Repeat("</div>", 200_000))
            + "</div></content></entry></feed>",
            "application/atom+xml"));
        // 250,000 sibling elements (2 MB) in one post: AngleSharp's serializer took time quadratic in the siblings (minutes).
        app.MapGet("/many-sibling-tags.xml", () => Results.Text(
            Rss(string.Empty, Item("siblings", "Siblings", "<p>" + string.Concat(Enumerable.Repeat("<b>x</b>", 250_000)) + "</p>")), "application/rss+xml"));
        // 200,000 unclosed <ul><li> (1.6 MB) beside an ordinary post: AngleSharp's tree building is quadratic in the open
        // elements, about a quarter of an hour of CPU for this one post. The fetch's cleaning budget stops it.
        app.MapGet("/deeply-nested-html.xml", () => Results.Text(
            Rss(string.Empty, Item("plain", "Plain", "<p>fine</p>") + Item("nested", "Nested", string.Concat(Enumerable.Repeat("<ul><li>", 200_000)))),
            "application/rss+xml"));
        // 50,000 unclosed <script> tags (400 KB) in a title: the regular expressions that make a title plain text
        // rescanned the rest of it from every one (minutes; 8 MB would take days).
        app.MapGet("/script-tags-in-a-title.xml", () => Results.Text(
            Rss(string.Empty, Item("title", "<![CDATA[Title " + string.Concat(Enumerable.Repeat("<script>", 50_000)) + "]]>", "<p>body</p>")),
            "application/rss+xml"));
        app.MapGet("/duplicate-ids.xml", () => Results.Text(
            Rss(string.Empty, ItemWithLink("same", "First", "https://blog.example/1") + ItemWithLink("same", "Second", "https://blog.example/2") + ItemWithLink("same", "Third", "https://blog.example/3")),
            "application/rss+xml"));
    }

    /// <summary>256 MiB of zeros in about 256 KiB of gzip.</summary>
    private static byte[] GzipBomb()
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 256; i++)
            {
                gzip.Write(zeros);
            }
        }

        return memory.ToArray();
    }

    private static string BillionLaughs =>
        "<!DOCTYPE rss [<!ENTITY lol \"lol\">" +
        string.Concat(Enumerable.Range(1, 9).Select(i => $"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? string.Empty : (i - 1).ToString())};", 10))}\">")) +
        "]>";

    private static IEnumerable<byte> Corrupt(byte b) => b == (byte)'K' ? [0xC3, 0x28] : [b];

    private static string Rss(string doctype, string items) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?>{doctype}<rss version=\"2.0\"><channel><title>Hostile</title><link>https://blog.example/</link><description>d</description>{items}</channel></rss>";

    private static string Item(string guid, string title, string html) =>
        $"<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title><link>https://blog.example/{guid}</link><pubDate>Fri, 08 Sep 2017 07:24:00 GMT</pubDate><description><![CDATA[{html}]]></description></item>";

    private static string ItemWithLink(string guid, string title, string link) =>
        $"<item><guid isPermaLink=\"false\">{guid}</guid><title>{title}</title><link>{link}</link><pubDate>Fri, 08 Sep 2017 07:24:00 GMT</pubDate><description>{title}</description></item>";
}
