namespace VirtPlanet.Web.Feeds;

public enum FetchStatus
{
    /// <summary>A 200 with a body to parse.</summary>
    Ok,

    /// <summary>304 Not Modified: nothing to parse.</summary>
    NotModified,

    /// <summary>410 Gone: the feed should be deactivated.</summary>
    Gone,

    /// <summary>Anything else: network error, timeout, refused address, HTTP error, body too large.</summary>
    Failed,
}
