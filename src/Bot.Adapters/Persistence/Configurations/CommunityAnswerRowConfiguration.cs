using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class CommunityAnswerRowConfiguration : IEntityTypeConfiguration<CommunityAnswerRow>
{
    public void Configure(EntityTypeBuilder<CommunityAnswerRow> builder)
    {
        builder.ToTable("community_answers");
        builder.HasKey(a => new { a.Platform, a.ChatId, a.Day, a.AnswerHash });
        builder.Property(a => a.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.ChatId).HasMaxLength(64);
        builder.Property(a => a.AnswerHash).HasMaxLength(44);
    }
}
