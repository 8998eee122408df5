using Bot.Adapters.Persistence.Entities;
using Bot.Core.Inbound;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class DeadLetterRowConfiguration : IEntityTypeConfiguration<DeadLetterRow>
{
    public void Configure(EntityTypeBuilder<DeadLetterRow> builder)
    {
        builder.ToTable("dead_letters");
        builder.HasKey(d => new { d.Platform, d.UpdateId });
        builder.Property(d => d.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.UpdateId).HasMaxLength(64);
        builder.Property(d => d.ErrorType).HasMaxLength(256);
        builder.Property(d => d.ErrorMessage).HasMaxLength(InboundFailure.MaxMessageLength);
    }
}
