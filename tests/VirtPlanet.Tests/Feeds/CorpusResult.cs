using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Tests.Feeds;

/// <summary>What parsing one corpus file gave: a feed or the exception.</summary>
public sealed record CorpusResult(ParsedFeed? Feed, Exception? Error);
