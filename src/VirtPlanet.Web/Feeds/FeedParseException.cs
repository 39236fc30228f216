namespace VirtPlanet.Web.Feeds;

/// <summary>The document is not a feed we can read; the message is shown to the admin as the feed's error.</summary>
public sealed class FeedParseException(string message, Exception? inner = null) : Exception(message, inner);
