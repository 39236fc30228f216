namespace VirtPlanet.Tests.Feeds;

/// <summary>What a fragment consists of, for comparing our output with feedparser's: element names, element@attribute pairs, text.</summary>
public sealed record Shape(HashSet<string> Elements, HashSet<string> Attributes, string Text);
