namespace VirtPlanet.Web.Syndication;

public enum SyndicationFormat
{
    Atom,
    Rss20,
    Rss10,
    JsonFeed,
    FoafRoll,
    Opml,
}
