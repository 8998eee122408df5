using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class CommunityDayRowConfiguration : IEntityTypeConfiguration<CommunityDayRow>
{
    public void Configure(EntityTypeBuilder<CommunityDayRow> builder)
    {
        builder.ToTable("community_answer_days");
        builder.HasKey(d => new { d.Platform, d.ChatId, d.Day });
        builder.Property(d => d.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.ChatId).HasMaxLength(64);
        builder.Property(d => d.Secret).HasMaxLength(32);
    }
}
