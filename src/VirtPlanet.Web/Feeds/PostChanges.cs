using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Feeds;

/// <summary>What <see cref="PostWriter"/> made of a feed's entries: the new posts to insert, and the counts for the outcome.</summary>
public sealed class PostChanges
{
    /// <summary>Every new post, hidden ones included, not yet stored.</summary>
    public List<Post> New { get; } = [];

    /// <summary>New posts that reach the river.</summary>
    public int Added => New.Count(p => !p.IsHidden);

    /// <summary>Stored posts whose content changed, updated on the context that loaded them.</summary>
    public int Updated { get; set; }
}
