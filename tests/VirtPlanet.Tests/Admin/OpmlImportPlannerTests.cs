using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VirtPlanet.Tests.Infrastructure;
using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Admin;

public sealed class OpmlImportPlannerTests : IDisposable
{
    private const string Opml = """
        <?xml version="1.0" encoding="utf-8"?>
        <opml version="2.0"><head><title>Friends</title></head><body>
          <outline text="KVM">
            <outline text="New blog" xmlUrl="HTTPS://New.Example/feed.xml#latest" htmlUrl="https://new.example/" />
            <outline text="Gerd, spelled differently" xmlUrl="http://kraxel.example/feed/" />
          </outline>
          <outline text="New blog again" xmlUrl="https://new.example/feed.xml" />
          <outline text="An FTP site" xmlUrl="ftp://files.example/feed" />
          <outline text="Just a link" htmlUrl="https://no-feed.example/" />
        </body></opml>
        """;

    private readonly PlanetFactory planet = new();

    public void Dispose() => planet.Dispose();

    [Fact]
    public async Task ThePlanSaysWhatWouldBeAddedSkippedAsDuplicateOrRefusedAndStoresNothing()
    {
        var subscriptions = planet.Services.GetRequiredService<FeedSubscriptions>();
        await subscriptions.AddAsync(new OpmlOutline("https://www.kraxel.example/feed", "Gerd Hoffmann", null));

        var plan = await Plan(Opml);

        Assert.Equal(
            [
                ("New blog", "https://new.example/feed.xml", SubscribeStatus.Added, null, null),
                ("Gerd, spelled differently", "http://kraxel.example/feed/", SubscribeStatus.Duplicate, "already subscribed", "Gerd Hoffmann"),
                ("New blog again", "https://new.example/feed.xml", SubscribeStatus.Duplicate, "listed twice in this file", null),
                ("An FTP site", "ftp://files.example/feed", SubscribeStatus.Invalid, "'ftp://files.example/feed' is not an http or https URL", null),
            ],
            plan.Select(l => (l.Outline.Title, l.Outline.XmlUrl, l.Status, l.Detail, l.Existing?.Name)));
        Assert.Null(await subscriptions.FindAsync("https://new.example/feed.xml"));
    }

    [Fact]
    public async Task AFileThatIsNotOpmlIsRefusedWithASentence()
    {
        var error = await Assert.ThrowsAsync<FeedParseException>(() => Plan("<html><body>not a subscription list</body></html>"));

        Assert.Contains("not an OPML document", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    private Task<IReadOnlyList<OpmlImportLine>> Plan(string opml) =>
        planet.Services.GetRequiredService<OpmlImportPlanner>().PlanAsync(new MemoryStream(Encoding.UTF8.GetBytes(opml)), CancellationToken.None);
}
