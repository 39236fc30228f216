namespace VirtPlanet.Tests.Infrastructure;

/// <summary>The checkout's root (where VirtPlanet.sln is): the planet's content root, and the way to ../shared.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>
    /// The shared corpus beside the checkout (../shared/corpus), or VIRTPLANET_CORPUS when set; a missing one fails the
    /// tests that read it with a message that says where it was looked for.
    /// </summary>
    public static string Corpus => FindCorpus();

    private static string FindCorpus()
    {
        var corpus = Environment.GetEnvironmentVariable("VIRTPLANET_CORPUS")
            ?? System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared", "corpus"));
        return Directory.Exists(corpus)
            ? corpus
            : throw new DirectoryNotFoundException(
                $"The shared test corpus is not at {corpus}: check the repository out beside ../shared, or set VIRTPLANET_CORPUS to the corpus folder.");
    }

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "VirtPlanet.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VirtPlanet.sln not found above " + AppContext.BaseDirectory);
    }
}
