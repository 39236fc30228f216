using Bunit;
using VirtPlanet.Web.Components.Shared;
using static VirtPlanet.Tests.Components.RiverSamples;

namespace VirtPlanet.Tests.Components;

public sealed class SubscriptionsTests : BunitContext
{
    [Fact]
    public void EveryFeedLinksToItsRiverItsSiteAndItsFeedAndAFailingOneShowsTheErrorOnHover()
    {
        var failing = Cornelia with { LastError = "HTTP 500 Internal Server Error" };

        var sidebar = Render<Subscriptions>(p => p.Add(s => s.Feeds, [failing, Qemu]));

        Assert.Equal("Subscriptions", sidebar.Find("h2").TextContent);
        sidebar.FindAll("li")[0].MarkupMatches(
            """
            <li class="failing">
              <a href="/feeds/cornelia-huck">Cornelia Huck</a>
              <a href="https://people.redhat.com/~cohuck/">(site)</a>
              <a href="https://people.redhat.com/~cohuck/feed.xml">(feed)</a>
              <span class="feed-error" title="Last fetch failed: HTTP 500 Internal Server Error" role="img" aria-label="Last fetch failed: HTTP 500 Internal Server Error">⚠</span>
            </li>
            """);
        Assert.Empty(sidebar.FindAll("li")[1].QuerySelectorAll(".feed-error"));
    }
}
