using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using VirtPlanet.Web.Feeds;

namespace VirtPlanet.Web.Data;

public sealed class FeedConfiguration : IEntityTypeConfiguration<Feed>
{
    public void Configure(EntityTypeBuilder<Feed> builder)
    {
        builder.Property(f => f.Url).HasMaxLength(2048);
        builder.HasIndex(f => f.Url).IsUnique();
        builder.Property(f => f.Slug).HasMaxLength(100);
        builder.HasIndex(f => f.Slug).IsUnique();
        builder.HasIndex(f => new { f.IsActive, f.NextFetchAt });
        builder.Ignore(f => f.Name);
        builder.HasMany(f => f.Posts).WithOne(p => p.Feed).HasForeignKey(p => p.FeedId).OnDelete(DeleteBehavior.Cascade);
    }
}
