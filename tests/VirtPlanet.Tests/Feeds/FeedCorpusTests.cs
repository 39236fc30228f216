using System.Globalization;
using System.Text.RegularExpressions;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;
using Xunit.Abstractions;

namespace VirtPlanet.Tests.Feeds;

/// <summary>The whole feedparser corpus (~2,100 files) through <see cref="FeedParser"/>, parsed once per run.</summary>
public sealed partial class FeedCorpusTests(FeedCorpusFixture corpus, ITestOutputHelper output) : IClassFixture<FeedCorpusFixture>
{
    [Fact]
    public void EveryCorpusFileParsesOrFailsWithFeedParseException()
    {
        Assert.True(corpus.Results.Count > 2000, $"only {corpus.Results.Count} corpus files found under {corpus.Root}");
        var failures = corpus.Results.Where(r => r.Value.Error is not null).ToList();
        foreach (var folder in failures.GroupBy(f => Folder(f.Key)).OrderBy(g => g.Key))
        {
            output.WriteLine($"{folder.Key}: {folder.Count()} rejected, e.g. {folder.First().Key}: {folder.First().Value.Error!.Message}");
        }

        Assert.All(failures, f => Assert.IsType<FeedParseException>(f.Value.Error));
    }

    [Fact]
    public void WellFormedRssAndAtomFilesAllParseOnlyCdfIsRejected()
    {
        var rejected = corpus.Results
            .Where(r => r.Key.StartsWith("wellformed/", StringComparison.Ordinal) && !r.Key.Contains("cdf", StringComparison.Ordinal))
            .Where(r => r.Value.Error is not null)
            .Select(r => $"{r.Key}: {r.Value.Error!.Message}")
            .ToList();

        Assert.Empty(rejected);
    }

    [Fact]
    public void ExpectationPassRateStaysAboveTheFloorRecordedInDocs()
    {
        var rows = corpus.Expectations.Where(ExpectationCheck.Applies).ToList();
        var checkedRows = rows.Select(r => (Row: r, Failure: ExpectationCheck.Failure(r, corpus.Results[r.File]))).ToList();
        var passed = checkedRows.Count(c => c.Failure is null);
        var rate = 100.0 * passed / checkedRows.Count;

        output.WriteLine($"{passed}/{checkedRows.Count} expectations pass ({rate:F1}%)");
        foreach (var group in checkedRows.GroupBy(c => $"{Folder(c.Row.File)} {c.Row.PlanetField}").OrderBy(g => g.Key))
        {
            output.WriteLine($"{group.Key,-45} {group.Count(c => c.Failure is null),4}/{group.Count(),-4}");
        }

        foreach (var (row, failure) in checkedRows.Where(c => c.Failure is not null))
        {
            output.WriteLine($"FAIL {row.File} {row.KeyPath}: {failure}");
        }

        Assert.True(rate >= RecordedFloor(), $"pass rate {rate:F1}% fell below the floor {RecordedFloor()}% in docs/feed-corpus.md");
    }

    private static string Folder(string file)
    {
        var parts = file.Split('/');
        return parts[0] == "wellformed" && parts.Length > 2 ? $"{parts[0]}/{parts[1]}" : parts[0];
    }

    /// <summary>The line <c>Floor: NN.N%</c> of docs/feed-corpus.md.</summary>
    private static double RecordedFloor()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "feed-corpus.md"));
        return double.Parse(FloorLine().Match(doc).Groups["rate"].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Floor:\s*\**(?<rate>\d+(?:\.\d+)?)\s*%")]
    private static partial Regex FloorLine();
}
