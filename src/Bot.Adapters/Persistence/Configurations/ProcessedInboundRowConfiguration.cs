using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class ProcessedInboundRowConfiguration : IEntityTypeConfiguration<ProcessedInboundRow>
{
    public void Configure(EntityTypeBuilder<ProcessedInboundRow> builder)
    {
        builder.ToTable("processed_inbound");
        builder.HasKey(p => new { p.Platform, p.MessageKey });
        builder.Property(p => p.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.MessageKey).HasMaxLength(128);
        builder.HasIndex(p => p.ProcessedAt);
    }
}
