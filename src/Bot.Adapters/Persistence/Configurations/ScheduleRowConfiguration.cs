using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class ScheduleRowConfiguration : IEntityTypeConfiguration<ScheduleRow>
{
    public void Configure(EntityTypeBuilder<ScheduleRow> builder)
    {
        builder.ToTable("schedules");
        builder.HasKey(s => s.PersonId);
        builder.HasIndex(s => s.NextDueAt);
        builder.HasOne<PersonRow>().WithOne().HasForeignKey<ScheduleRow>(s => s.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
