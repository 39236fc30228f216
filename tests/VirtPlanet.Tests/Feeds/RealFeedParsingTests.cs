using System.Globalization;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>The 31 real-world feeds of the corpus (real/, quirks listed in the corpus README).</summary>
public sealed class RealFeedParsingTests
{
    private static readonly Uri FeedUrl = new("https://example.org/feed");
    private readonly FeedParser parser = new();

    public static TheoryData<string> AllRealFeeds()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Corpus, "real"), "*", SearchOption.AllDirectories).Order())
        {
            data.Add(Path.GetRelativePath(Path.Combine(RepositoryRoot.Corpus, "real"), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllRealFeeds))]
    public void RealFeedParsesWithDistinctKeysAbsoluteLinksAndNoEmailAuthors(string file)
    {
        var feed = Parse(file);

        Assert.NotEmpty(feed.Entries);
        Assert.Equal(feed.Entries.Count, feed.Entries.Select(e => e.Key).Distinct().Count());
        Assert.All(feed.Entries, e => Assert.True(e.Link is null || Uri.IsWellFormedUriString(e.Link, UriKind.Absolute), e.Link));
        Assert.All(feed.Entries, e => Assert.DoesNotContain("@", e.Author));
        Assert.All(feed.Entries, e => Assert.True(e.BaseUri?.IsAbsoluteUri));
    }

    /// <summary>file, feed title, first entry's title, author, published (or updated) UTC, link.</summary>
    public static TheoryData<string, string?, string, string, string?, string?> FirstEntries() => new()
    {
        { "planet-members/stefano-garzarella.posts.index.xml", "Posts on sgarzare's blog", "AF_VSOCK: network namespace support is here", "Stefano Garzarella", "2026-02-11T17:00:00Z", "https://stefano-garzarella.github.io/posts/2026-02-11-vsock-netns/" },
        { "rss-parser/feedburner.atom", "Google Ads Developer Blog", "AdWords and DFP Java client library will soon require Java 7+", "Google Ads Developer Advisor", "2016-06-03T14:38:00Z", "http://googleadsdeveloper.blogspot.com/2016/06/adwords-and-dfp-java-client-library.html" },
        { "rss-parser/many-links.rss", "Google Testing Blog", "Code Health: Providing Context with Commit Messages and Bug Reports", "Google Testing Bloggers", "2017-09-11T21:01:00Z", "http://testing.googleblog.com/2017/09/code-health-providing-context-with.html" },
        { "rss-parser/reddit-home.rss", "reddit: the front page of the internet", "How the British as seen by Americans and Europeans", "/u/AngryRedditorsBelow", "2016-01-26T20:31:34Z", "https://www.reddit.com/r/funny/comments/42tizy/how_the_british_as_seen_by_americans_and_europeans/" },
        { "rss-parser/gulp-atom.atom", "Release notes from gulp", "v3.9.0", "contra", "2015-06-01T21:49:41Z", "https://example.org/gulpjs/gulp/releases/tag/v3.9.0" },
        { "rss-parser/uolNoticias.rss", "UOL Noticias", "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno", "UOL Noticias", "2018-09-24T22:42:40Z", "https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm" },
        { "rss-parser/encoding.rss", "Jornal de Notícias - Últimas Notícias", "Mãe de utente é a nova presidente da Raríssimas", "Jornal de Notícias - Últimas Notícias", "2018-01-03T13:47:00Z", "https://www.jn.pt/nacional/interior/sonia-laig-e-a-nova-presidente-da-rarissimas-9021600.html" },
        { "rss-parser/content-encoded.rss", "Food in Invironment on Medium", "THE CREATIVE FORAGER", "Jeremy Puma", "2018-04-09T18:55:38Z", "https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food" },
        { "rss-parser/craigslist.rss", "craigslist SF bay area | apts/housing for rent search", "Bright, Spacious Beautiful Victorian (oakland north / temescal) $4300 3bd 1930ft2", "craigslist SF bay area | apts/housing for rent search", "2017-06-21T17:33:10Z", "http://sfbay.craigslist.org/eby/apa/6186664607.html" },
        { "rss-parser/guardian.rss", "The Guardian", "Trump State of the Union address promised unity but emphasized discord", "David Smith in Washington", "2018-01-31T07:26:05Z", "https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord" },
        { "rss-parser/incomplete-fields.atom", null, string.Empty, "example.org", null, null },
        { "FeedReader/AtomBattleNet.xml", "StarCraft® II", "StarCraft II 4.7.1 Patch Notes", "Blizzard Entertainment", "2018-11-20T18:30:00Z", "http://us.battle.net///en/blog/22771167" },
        { "FeedReader/AtomSpecialCharacters.xml", "Active questions tagged nmea - Stack Overflow", "Decode NMEA bytes received via external GPS bluetooth device", "Frank", "2018-04-13T08:45:41Z", "https://stackoverflow.com/questions/49812816/decode-nmea-bytes-received-via-external-gps-bluetooth-device" },
        { "FeedReader/AtomYoutubeInvestmentPunk.xml", "Investment Punk Academy by Gerald Hörhan", "Zukunft von Vertretern I Kernfusion I Musikgeschäft #ASKTHEPUNK 71", "Investment Punk Academy by Gerald Hörhan", "2017-01-20T16:00:00Z", "http://www.youtube.com/watch?v=AFA8ZtMwrvc" },
        { "FeedReader/Rss091Stadtfeuerwehr.xml", "Stadtfeuerwehr Weiz - Einsätze", "[19.08.2018 - 07:08 Uhr] Brandmeldeanlagenalarm", "Stadtfeuerwehr Weiz - Einsätze", "2018-08-19T06:08:00Z", "http://www.stadtfeuerwehr-weiz.at/einsaetze/einsatz-detail/5220/" },
        { "FeedReader/Rss20ISO88591Intranet30.xml", "intranet30", "SVART MÅNAD - DÖDSOLYCKA i Vetlanda", "Höglandsnytt", "2018-08-19T07:14:00Z", null },
        { "FeedReader/Rss20CityDog.xml", "Новости - citydog.by", "Группа «Серебряная свадьба» ушла в бессрочный отпуск", "Новости - citydog.by", "2017-01-24T21:00:00Z", "http://citydog.by/post/zaden-serebrianaya-svadba-v-otpuske/" },
        { "FeedReader/AtomWiganwarriors.xml", "Wigan Warriors Blog", "Warriors link with Ireland RL", "ahancock", "2022-01-14T16:00:00Z", "https://wiganwarriors.com/blog/2022/01/14/warriors-link-with-ireland-rl/" },
    };

    [Theory]
    [MemberData(nameof(FirstEntries))]
    public void RealFeedFirstEntryHasTheRightTitleAuthorDateAndLink(string file, string? feedTitle, string title, string author, string? date, string? link)
    {
        var feed = Parse(file);
        var entry = feed.Entries[0];

        Assert.Equal(feedTitle, feed.Title);
        Assert.Equal(title, entry.Title);
        Assert.Equal(author, entry.Author);
        Assert.Equal(date is null ? null : DateTime.Parse(date, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal), entry.Published ?? entry.Updated);
        if (link is not null)
        {
            Assert.Equal(link, entry.Link);
        }
    }

    [Fact]
    public void MediumFeedKeepsFullContentEncodedApartFromTheShortDescription()
    {
        var entry = Parse("rss-parser/content-encoded.rss").Entries[0];

        Assert.Contains("<p>", entry.ContentHtml);
        Assert.True(entry.ContentHtml!.Length > 1000);
    }

    [Fact]
    public void RedditXhtmlContentIsSerializedWithoutItsDivWrapperAndRelativeBaseIsResolved()
    {
        var entry = Parse("rss-parser/reddit-home.rss").Entries[0];

        Assert.DoesNotContain("xmlns", entry.ContentHtml);
        Assert.Equal("https://example.org/.rss?limit=50", entry.BaseUri?.AbsoluteUri); // relative xml:base, against the feed URL
    }

    private ParsedFeed Parse(string file) =>
        parser.Parse(File.ReadAllBytes(Path.Combine(RepositoryRoot.Corpus, "real", file)), null, FeedUrl);
}
