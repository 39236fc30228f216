using VirtPlanet.Tests.Feeds;

namespace VirtPlanet.Tests.Resilience;

/// <summary>
/// The checkers the XSS tests rely on catch every vector of the list when it is left unsanitized, and pass the
/// planet's ordinary markup: a checker that found nothing would make those tests pass by default. The exceptions
/// are the mutation vectors that a browser reads as text (a comment, an escaped tag, an attribute's value, the
/// content of a raw-text element): they are dangerous only if a sanitizer writes them back out differently, and
/// the sanitizer's output is what the XSS tests check.
/// </summary>
public sealed class MarkupCheckTests
{
    private static readonly Uri Canary = new("http://127.0.0.1:9/");

    private static readonly string[] TextWhenParsed =
    [
        "<img src=`x`onerror=", // backticks quote nothing outside old Internet Explorer: all of it is src's value
        "<![CDATA[", "<!--", "&lt;", "<p title=\"</p>", "<title>", "<xmp>", "<noembed>", "<textarea>",
    ];

    public static TheoryData<string> Vectors => [.. XssVectors.Load(Canary).Where(v => !TextWhenParsed.Any(p => v.StartsWith(p, StringComparison.Ordinal)))];

    [Fact]
    public void EveryExceptionStillNamesAVectorOfTheList() =>
        Assert.All(TextWhenParsed, prefix => Assert.Contains(XssVectors.Load(Canary), v => v.StartsWith(prefix, StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void FragmentCheckerCatchesEachRawVector(string vector) =>
        Assert.NotEmpty(InertMarkup.Problems(vector));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PageCheckerCatchesEachRawVectorInAPage(string vector) =>
        Assert.NotEmpty(PageMarkup.Problems($"<!doctype html><html><head><title>Planet</title></head><body><main>{vector}</main></body></html>"));

    [Fact]
    public void OrdinaryPostsAndPagesPass()
    {
        const string Post = """<p>See <a href="https://www.qemu.org/">QEMU</a> <img src="data:image/png;base64,iVBORw0KGgo=" alt="" srcset="https://www.qemu.org/a.png 2x"> <code>-machine q35</code></p>""";
        const string Page = """
            <!doctype html><html><head><base href="/"><link rel="stylesheet" href="app.css"></head>
            <body><form method="get" action="/"><input type="checkbox" name="feed" value="qemu"></form>
            <script src="_framework/blazor.web.js"></script></body></html>
            """;

        Assert.Empty(InertMarkup.Problems(Post));
        Assert.Empty(PageMarkup.Problems(Page));
    }
}
