using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtPlanet.Web.Posts;

namespace VirtPlanet.Web.Data;

public sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> builder)
    {
        builder.HasIndex(p => new { p.FeedId, p.EntryKey }).IsUnique();
        // The river: newest first, keyset-paged on (PublishedAt, Id).
        builder.HasIndex(p => new { p.PublishedAt, p.Id });
        builder.HasIndex(p => new { p.Author, p.PublishedAt });
        builder.HasIndex(p => new { p.FeedId, p.PublishedAt });
        // The people list and the visible count read this small index instead of every (large) post row.
        builder.HasIndex(p => new { p.IsHidden, p.Author });
        // The same post reached through two feeds is recognised by its link or its entry id.
        builder.HasIndex(p => p.Link);
        builder.HasIndex(p => p.EntryKey);
    }
}
