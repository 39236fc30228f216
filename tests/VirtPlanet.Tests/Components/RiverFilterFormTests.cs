using Bunit;
using VirtPlanet.Web.Components.Shared;
using VirtPlanet.Web.Posts;
using static VirtPlanet.Tests.Components.RiverSamples;

namespace VirtPlanet.Tests.Components;

public sealed class RiverFilterFormTests : BunitContext
{
    private static readonly RiverAuthor Thomas = new("thomas-huth", "Thomas Huth", ["Thomas Huth"]);
    private static readonly RiverAuthor Paolo = new("paolo-bonzini", "Paolo Bonzini", ["Paolo Bonzini"]);

    [Fact]
    public void FilterIsAPlainGetFormWithTheCurrentChoiceChecked()
    {
        var form = Render<RiverFilterForm>(p => p
            .Add(f => f.Feeds, [Cornelia, Qemu])
            .Add(f => f.Authors, [Paolo, Thomas])
            .Add(f => f.Filter, new RiverFilter(["qemu-project"], ["thomas-huth"]))
            .Add(f => f.Expanded, true));

        var element = form.Find("form");
        Assert.Equal("get", element.GetAttribute("method"));
        Assert.Equal("/", element.GetAttribute("action"));
        Assert.True(form.Find("details").HasAttribute("open"));
        Assert.Equal(["qemu-project"], form.FindAll("input[name=feed][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["thomas-huth"], form.FindAll("input[name=author][checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal(["cornelia-huck", "qemu-project"], form.FindAll("input[name=feed]").Select(i => i.GetAttribute("value")));
        Assert.Equal("/", form.Find(".filter-actions a").GetAttribute("href"));
    }

    [Fact]
    public void WithoutAChoiceTheFilterStaysFolded()
    {
        var form = Render<RiverFilterForm>(p => p.Add(f => f.Feeds, [Cornelia]).Add(f => f.Authors, [Thomas]));

        Assert.False(form.Find("details").HasAttribute("open"));
        Assert.Empty(form.FindAll("input[checked]"));
        Assert.Empty(form.FindAll(".filter-actions a"));
    }

    [Theory]
    [InlineData(RiverFilterForm.InlineChoices, true)]
    [InlineData(RiverFilterForm.InlineChoices + 1, false)]
    public void APlanetWithMoreFeedsAndPeopleThanFitInPlaceLinksToTheChooserKeepingTheChoice(int choices, bool inPlace)
    {
        // One person and choices - 1 feeds, one of them chosen.
        var form = Render<RiverFilterForm>(p => p
            .Add(f => f.Feeds, ManyFeeds(choices - 2).Append(Qemu).ToList())
            .Add(f => f.Authors, [Thomas])
            .Add(f => f.Filter, new RiverFilter(["qemu-project"], ["thomas-huth"])));

        Assert.Equal(inPlace ? choices : 0, form.FindAll("details input[type=checkbox]").Count);
        Assert.Equal(inPlace ? [] : ["/choose?feed=qemu-project&author=thomas-huth"],
            form.FindAll("a.filter-link").Select(a => a.GetAttribute("href")));
        if (!inPlace)
        {
            Assert.Empty(form.FindAll("input"));
        }
    }

    [Fact]
    public void OnTheChooserPageTheWholeFormIsShownUnfoldedHoweverManyFeedsThereAre()
    {
        var form = Render<RiverFilterForm>(p => p
            .Add(f => f.Feeds, ManyFeeds(RiverFilterForm.InlineChoices).Append(Qemu).ToList())
            .Add(f => f.Authors, [Paolo, Thomas])
            .Add(f => f.Filter, new RiverFilter(["qemu-project"], []))
            .Add(f => f.Standalone, true));

        Assert.Empty(form.FindAll("details"));
        Assert.Empty(form.FindAll("a.filter-link"));
        Assert.Equal(RiverFilterForm.InlineChoices + 1, form.FindAll("form input[name=feed]").Count);
        Assert.Equal(["qemu-project"], form.FindAll("input[checked]").Select(i => i.GetAttribute("value")));
        Assert.Equal("/", form.Find("form").GetAttribute("action"));
    }

    private static IEnumerable<RiverFeed> ManyFeeds(int count) =>
        Enumerable.Range(100, count).Select(i => new RiverFeed(i, $"blog-{i}", $"Blog {i}", $"https://blog-{i}.example.org/feed.xml", null, null, null));
}
