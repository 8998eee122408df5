using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class SafetyCareRowConfiguration : IEntityTypeConfiguration<SafetyCareRow>
{
    public void Configure(EntityTypeBuilder<SafetyCareRow> builder)
    {
        builder.ToTable("safety_care");
        builder.HasKey(c => c.PersonId);
        builder.HasIndex(c => c.FollowUpDueAt);
        builder.HasOne<PersonRow>().WithOne().HasForeignKey<SafetyCareRow>(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
