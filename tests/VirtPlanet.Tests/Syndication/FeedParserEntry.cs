namespace VirtPlanet.Tests.Syndication;

public sealed record FeedParserEntry(
    string? Id, string? Title, string? Link, string? Author, string? Published, string? Updated, string? Content, string? SourceTitle);
