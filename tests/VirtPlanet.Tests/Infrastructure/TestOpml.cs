using System.Security;
using Microsoft.AspNetCore.Http;

namespace VirtPlanet.Tests.Infrastructure;

/// <summary>An OPML subscription list served by a <see cref="FeedServer"/>, pointing at feeds on the same server.</summary>
public static class TestOpml
{
    public static IResult Of(HttpContext context, string title, IEnumerable<(string Text, string Path)> outlines) => Results.Text(
        $"<opml version=\"2.0\"><head><title>{SecurityElement.Escape(title)}</title></head><body>" +
        string.Concat(outlines.Select(o => $"<outline text=\"{SecurityElement.Escape(o.Text)}\" xmlUrl=\"http://{context.Request.Host}{SecurityElement.Escape(o.Path)}\"/>")) +
        "</body></opml>",
        "text/x-opml");

    /// <summary>"Blog 0" to "Blog count-1" at /feeds/0.xml, /feeds/1.xml, ...</summary>
    public static IResult Blogs(HttpContext context, string title, int count) =>
        Of(context, title, Enumerable.Range(0, count).Select(n => ($"Blog {n}", $"/feeds/{n}.xml")));
}
