using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class HistoryEntryRowConfiguration : IEntityTypeConfiguration<HistoryEntryRow>
{
    public void Configure(EntityTypeBuilder<HistoryEntryRow> builder)
    {
        builder.ToTable("history_entries");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Kind).HasMaxLength(32);
        builder.Property(h => h.Value).HasMaxLength(64);
        builder.HasIndex(h => new { h.PersonId, h.At });
        builder.HasIndex(h => h.At);
        builder.HasOne<PersonRow>().WithMany().HasForeignKey(h => h.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
