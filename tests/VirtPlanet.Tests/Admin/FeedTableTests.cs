using Bunit;
using VirtPlanet.Web.Admin;
using VirtPlanet.Web.Components.Pages.Admin;

namespace VirtPlanet.Tests.Admin;

public sealed class FeedTableTests : BunitContext
{
    private static readonly DateTime Now = new(2026, 11, 20, 12, 0, 0, DateTimeKind.Utc);

    private static readonly FeedRow[] Rows =
    [
        Row(1, "QEMU") with { LastSuccessAt = Now, LastFetchedAt = Now, Posts = 12, NewestPost = Now.AddDays(-2) },
        Row(2, "Broken blog") with { LastSuccessAt = Now.AddDays(-3), LastFetchedAt = Now, LastError = "HTTP 404", ConsecutiveFailures = 7 },
        Row(3, "Gone blog") with { IsActive = false, DeactivatedReason = "HTTP 410 Gone", ConsecutiveFailures = 1 },
        Row(4, "Brand new"),
    ];

    public static TheoryData<string, bool, int[]> Orders => new()
    {
        { "name", false, [4, 2, 3, 1] },
        { "name", true, [1, 3, 2, 4] },
        { "failures", true, [2, 3, 4, 1] },
        { "status", false, [2, 3, 4, 1] },
        { "unknown", false, [2, 3, 4, 1] },
    };

    [Fact]
    public void EachFeedShowsItsStatusAndFailingFeedsAreMarked()
    {
        var table = Render<FeedTable>(p => p.Add(t => t.Rows, Rows));

        Assert.Equal("OK", Status(table, 1));
        Assert.Equal("Failing since 2026-11-17 12:00 UTC", Status(table, 2));
        Assert.Equal("Deactivated: HTTP 410 Gone", Status(table, 3));
        Assert.Equal("Not polled yet", Status(table, 4));
        Assert.Contains("failing", table.Find("tr[data-feed-id='2']").ClassList);
        Assert.Equal("HTTP 404", table.Find("tr[data-feed-id='2'] td.error").TextContent);
        Assert.Equal("7", table.Find("tr[data-feed-id='2'] td.failures").TextContent);
        Assert.Equal("12", table.Find("tr[data-feed-id='1'] td.posts").TextContent);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public void RowsAreSortedByTheChosenColumnWithFailingFirstByDefault(string sort, bool descending, int[] expected)
    {
        var table = Render<FeedTable>(p => p.Add(t => t.Rows, Rows).Add(t => t.Sort, sort).Add(t => t.Descending, descending));

        Assert.Equal(expected, table.FindAll("tbody tr").Select(r => int.Parse(r.GetAttribute("data-feed-id")!)));
    }

    [Fact]
    public void ClickingTheSortedColumnAgainReversesIt()
    {
        var table = Render<FeedTable>(p => p.Add(t => t.Rows, Rows).Add(t => t.Sort, "failures"));

        Assert.Equal("/admin/feeds?sort=failures&desc=true", table.Find("th[aria-sort='ascending'] a").GetAttribute("href"));
        Assert.Equal("/admin/feeds?sort=name&desc=false", table.Find("th a[href^='/admin/feeds?sort=name']").GetAttribute("href"));
    }

    private static string Status(IRenderedComponent<FeedTable> table, int id) => table.Find($"tr[data-feed-id='{id}'] td.status").TextContent;

    private static FeedRow Row(int id, string name) => new()
    {
        Id = id,
        Name = name,
        Slug = name.ToLowerInvariant().Replace(' ', '-'),
        Url = $"https://blog{id}.example/feed",
        IsActive = true,
        NextFetchAt = Now,
        CreatedAt = Now.AddDays(-30),
    };
}
