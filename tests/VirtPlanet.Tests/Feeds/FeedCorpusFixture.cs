using System.Collections.Concurrent;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>Parses every file of the feedparser corpus once; the corpus tests share the results.</summary>
public sealed class FeedCorpusFixture
{
    public FeedCorpusFixture()
    {
        Root = Path.Combine(RepositoryRoot.Corpus, "feedparser");
        Expectations = CorpusExpectation.ReadAll(Path.Combine(Root, "expectations.tsv")).ToList();
        var contentTypes = Expectations.Where(e => e.ContentType is not null)
            .GroupBy(e => e.File).ToDictionary(g => g.Key, g => g.First().ContentType);
        var files = Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".xml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/'))
            .ToList();

        var parser = new FeedParser();
        var results = new ConcurrentDictionary<string, CorpusResult>();
        Parallel.ForEach(files, file =>
        {
            var url = new Uri($"http://127.0.0.1:8097/{file}");
            try
            {
                results[file] = new CorpusResult(parser.Parse(File.ReadAllBytes(Path.Combine(Root, file)), contentTypes.GetValueOrDefault(file), url), null);
            }
            catch (Exception e)
            {
                results[file] = new CorpusResult(null, e);
            }
        });
        Results = results;
    }

    public string Root { get; }

    public IReadOnlyList<CorpusExpectation> Expectations { get; }

    public IReadOnlyDictionary<string, CorpusResult> Results { get; }
}
