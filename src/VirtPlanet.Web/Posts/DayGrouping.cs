namespace VirtPlanet.Web.Posts;

/// <summary>
/// Shapes a newest-first run of posts into days (by local date) and, within a day, consecutive posts of the
/// same feed under one heading, as Planet's template did.
/// </summary>
public static class DayGrouping
{
    public static IReadOnlyList<DayGroup> Group(IEnumerable<RiverPost> newestFirst)
    {
        var days = new List<DayGroup>();
        var feeds = new List<FeedGroup>();
        var posts = new List<RiverPost>();
        DateOnly? day = null;
        RiverFeed? feed = null;
        foreach (var post in newestFirst)
        {
            var postDay = DateOnly.FromDateTime(post.Published.DateTime);
            if (postDay != day || post.Feed.Id != feed?.Id)
            {
                Close(feeds, feed, posts);
                posts = [];
                if (postDay != day)
                {
                    Close(days, day, feeds);
                    feeds = [];
                }
            }

            day = postDay;
            feed = post.Feed;
            posts.Add(post);
        }

        Close(feeds, feed, posts);
        Close(days, day, feeds);
        return days;
    }

    private static void Close(List<FeedGroup> feeds, RiverFeed? feed, List<RiverPost> posts)
    {
        if (feed is not null && posts.Count > 0)
        {
            feeds.Add(new FeedGroup(feed, posts));
        }
    }

    private static void Close(List<DayGroup> days, DateOnly? day, List<FeedGroup> feeds)
    {
        if (day is { } value && feeds.Count > 0)
        {
            days.Add(new DayGroup(value, feeds));
        }
    }
}
