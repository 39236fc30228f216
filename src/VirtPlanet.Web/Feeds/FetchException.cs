namespace VirtPlanet.Web.Feeds;

/// <summary>A fetch failure whose message is already fit for the feed's error column.</summary>
public sealed class FetchException(string message, Exception? innerException = null) : Exception(message, innerException);
