using AngleSharp.Html.Parser;
using Microsoft.Extensions.Options;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;
using Xunit.Abstractions;

namespace VirtPlanet.Tests.Feeds;

/// <summary>feedparser's 745-file sanitize suite run through our policy (see docs/sanitizer.md for the rates).</summary>
public sealed class SanitizeCorpusTests(ITestOutputHelper output)
{
    /// <summary>Share of files whose expected elements and text all survive; docs/sanitizer.md records the measurement.</summary>
    private const double KeepRateFloor = 0.90;

    private static readonly Uri FeedUri = new("https://planet.example/feed/");
    private static readonly SanitizeExpectations Expectations = SanitizeExpectations.Load(RepositoryRoot.Corpus);
    private static readonly HtmlParser Parser = new();

    private readonly PostSanitizer sanitizer = new(Options.Create(new ContentOptions()));

    private static readonly string[] FileNames =
        [.. Directory.EnumerateFiles(SanitizeCorpusCase.Folder, "*.xml").Select(f => Path.GetFileName(f)).Order()];

    public static TheoryData<string> Files => new(FileNames);

    [Theory]
    [MemberData(nameof(Files))]
    public void CorpusFragmentsSanitizeToInertStableMarkup(string file)
    {
        var corpusCase = SanitizeCorpusCase.Load(file, Expectations);
        Assert.NotEmpty(corpusCase.Fragments);

        foreach (var fragment in corpusCase.Fragments)
        {
            var clean = sanitizer.Sanitize(fragment, FeedUri);

            Assert.Empty(InertMarkup.Problems(clean));
            Assert.Equal(clean, sanitizer.Sanitize(clean, FeedUri));
        }
    }

    [Fact]
    public void HarmlessMarkupFeedparserKeepsMostlySurvives()
    {
        var cases = FileNames.Select(f => SanitizeCorpusCase.Load(f, Expectations)).ToList();
        var compared = cases.Where(c => c.Expected is not null && c.Primary is not null).ToList();
        var results = compared.Select(c => (c.File, Kept: Compare(Shape(c.Expected!), Shape(sanitizer.Sanitize(c.Primary!, FeedUri))))).ToList();
        var outputs = compared.ToDictionary(c => c.File, c => (c.Expected!, sanitizer.Sanitize(c.Primary!, FeedUri)));

        var elements = Rate(results, r => r.Elements);
        var text = Rate(results, r => r.Text);
        var attributes = Rate(results, r => r.Attributes);
        var both = Rate(results, r => r.Elements && r.Text);
        output.WriteLine($"files {cases.Count}, compared {compared.Count}: elements {elements:P1}, text {text:P1}, attributes {attributes:P1}, elements+text {both:P1}");
        foreach (var (file, kept) in results.Where(r => !(r.Kept.Elements && r.Kept.Text)))
        {
            output.WriteLine($"not kept: {file} {kept} expected [{outputs[file].Item1}] got [{outputs[file].Item2}]");
        }

        Assert.Equal(745, cases.Count);
        Assert.True(both >= KeepRateFloor, $"keep rate {both:P1} fell below {KeepRateFloor:P0}");
    }

    private static double Rate(List<(string File, Kept Kept)> results, Func<Kept, bool> kept) =>
        (double)results.Count(r => kept(r.Kept)) / results.Count;

    private static Kept Compare(Shape expected, Shape actual) => new(
        expected.Elements.IsSubsetOf(actual.Elements),
        expected.Text == actual.Text,
        expected.Attributes.IsSubsetOf(actual.Attributes));

    private static Shape Shape(string html)
    {
        using var document = Parser.ParseDocument("<!doctype html><html><body>" + html);
        var all = document.Body!.QuerySelectorAll("*").ToList();
        return new Shape(
            all.Select(e => e.LocalName).ToHashSet(),
            all.SelectMany(e => e.Attributes.Select(a => e.LocalName + "@" + a.Name)).ToHashSet(),
            string.Join(' ', document.Body.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
    }
}
