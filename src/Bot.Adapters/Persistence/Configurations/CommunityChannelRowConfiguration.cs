using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class CommunityChannelRowConfiguration : IEntityTypeConfiguration<CommunityChannelRow>
{
    public void Configure(EntityTypeBuilder<CommunityChannelRow> builder)
    {
        builder.ToTable("community_channels");
        builder.HasKey(c => new { c.Platform, c.ChatId });
        builder.Property(c => c.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.ChatId).HasMaxLength(64);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
    }
}
