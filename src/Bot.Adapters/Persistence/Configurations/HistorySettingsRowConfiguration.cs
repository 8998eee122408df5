using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class HistorySettingsRowConfiguration : IEntityTypeConfiguration<HistorySettingsRow>
{
    public void Configure(EntityTypeBuilder<HistorySettingsRow> builder)
    {
        builder.ToTable("history_settings");
        builder.HasKey(s => s.PersonId);
        builder.HasIndex(s => s.NextRecapAt);
        builder.HasOne<PersonRow>().WithOne().HasForeignKey<HistorySettingsRow>(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
