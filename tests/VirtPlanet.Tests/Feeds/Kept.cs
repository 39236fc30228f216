namespace VirtPlanet.Tests.Feeds;

/// <summary>Which parts of feedparser's expected output our sanitizer kept for one corpus file.</summary>
public sealed record Kept(bool Elements, bool Text, bool Attributes);
