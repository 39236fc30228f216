namespace VirtPlanet.Web.Feeds;

/// <summary>One subscription of an OPML document.</summary>
public sealed record OpmlOutline(string XmlUrl, string? Title, string? HtmlUrl);
