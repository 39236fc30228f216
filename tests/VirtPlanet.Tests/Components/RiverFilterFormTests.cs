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
}
