using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class OutboxRowConfiguration : IEntityTypeConfiguration<OutboxRow>
{
    public void Configure(EntityTypeBuilder<OutboxRow> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Lane).HasConversion<short>();
        builder.Property(o => o.ChatId).HasMaxLength(64);
        builder.HasIndex(o => new { o.Status, o.Lane, o.AvailableAt });
        builder.HasIndex(o => o.PersonId);

        // A chat's oldest pending row, and whether anything earlier holds it back (EfOutboxStore's claim).
        builder.HasIndex(o => new { o.Platform, o.ChatId, o.Id }).HasFilter("status = 'Pending'").HasDatabaseName("ix_outbox_messages_pending_by_chat");
        builder.HasOne<PersonRow>().WithMany().HasForeignKey(o => o.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
