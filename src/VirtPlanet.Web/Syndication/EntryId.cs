using System.Text.RegularExpressions;
using VirtPlanet.Web.Feeds;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Syndication;

/// <summary>The id a post carries in the outputs: its own when that is an absolute IRI, else a stable <c>tag:</c> IRI (RFC 4151).</summary>
public static partial class EntryId
{
    public static string For(Post post, Uri planet)
    {
        if (IsAbsoluteIri(post.EntryKey))
        {
            return post.EntryKey;
        }

        // The feed's subscription date makes the tag unique over time, as RFC 4151 asks, and never changes.
        var since = post.Feed?.CreatedAt ?? DateTime.UnixEpoch;
        return $"tag:{planet.IdnHost},{since:yyyy-MM-dd}:feeds/{post.FeedId}/{Uri.EscapeDataString(XmlChars.ForOutput(post.EntryKey))}";
    }

    public static bool IsAbsoluteIri(string key) =>
        AbsoluteIri().IsMatch(key) && XmlChars.ForOutput(key) == key && Uri.TryCreate(key, UriKind.Absolute, out _);

    // A scheme, a colon, then no characters RFC 3987 forbids anywhere in an IRI (spaces, controls, <>"{}|\^`).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s\p{Cc}<>""{}|\\^`]+$")]
    private static partial Regex AbsoluteIri();
}
