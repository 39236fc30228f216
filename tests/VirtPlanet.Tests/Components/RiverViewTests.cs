using Bunit;
using VirtPlanet.Web.Components.Shared;
using VirtPlanet.Web.Posts;
using static VirtPlanet.Tests.Components.RiverSamples;

namespace VirtPlanet.Tests.Components;

public sealed class RiverViewTests : BunitContext
{
    [Fact]
    public void ConsecutivePostsOfOneFeedOnADayShareOneFeedHeading()
    {
        var posts = new[]
        {
            Post(3, Cornelia, "Channel I/O, demystified", "2017-08-08T18:04:00Z", "Cornelia Huck"),
            Post(2, Cornelia, "Channel I/O: More about channel paths", "2017-08-08T18:03:00Z", "Cornelia Huck"),
            Post(1, Qemu, "Deprecation of old parameters and features", "2017-08-08T08:45:00Z", "Thomas Huth"),
            Post(0, Cornelia, "Channel I/O: Types of devices", "2017-08-08T07:00:00Z", "Cornelia Huck"),
        };

        var river = Render<RiverView>(p => p.Add(v => v.Page, new RiverPage(DayGrouping.Group(posts), null, false, null)));

        Assert.Equal(["August 08, 2017"], river.FindAll(".day-heading").Select(h => h.TextContent.Trim()));
        Assert.Equal(["Cornelia Huck", "QEMU project", "Cornelia Huck"], river.FindAll(".feed-heading").Select(h => h.TextContent.Trim()));
        Assert.Equal(2, river.FindAll(".feed-group")[0].QuerySelectorAll(".post").Length);
        river.Find(".feed-group:nth-of-type(2) .feed-heading").MarkupMatches(
            """<h3 class="feed-heading"><img class="face" src="https://planet.virt-tools.org/images/qemu.png" alt="" width="48" height="48" loading="lazy"><a href="/feeds/qemu-project">QEMU project</a></h3>""");
    }

    [Theory]
    [InlineData("UTC", new[] { "August 09, 2017", "August 08, 2017" })]
    [InlineData("Europe/Berlin", new[] { "August 09, 2017" })]
    [InlineData("America/New_York", new[] { "August 08, 2017" })]
    public void DaysBreakAtMidnightInThePlanetsTimeZone(string zone, string[] days)
    {
        var posts = new[]
        {
            Post(2, Qemu, "After midnight UTC", "2017-08-09T00:30:00Z", zone: zone),
            Post(1, Qemu, "Before midnight UTC", "2017-08-08T23:30:00Z", zone: zone),
        };

        var river = Render<RiverView>(p => p.Add(v => v.Page, new RiverPage(DayGrouping.Group(posts), null, false, null)));

        Assert.Equal(days, river.FindAll(".day-heading").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public void AnEmptyRiverSaysSo()
    {
        var river = Render<RiverView>(p => p.Add(v => v.Page, RiverPage.Empty));

        Assert.Contains("No posts here yet", river.Find(".river-empty").TextContent);
        Assert.Empty(river.FindAll(".paging"));
    }
}
