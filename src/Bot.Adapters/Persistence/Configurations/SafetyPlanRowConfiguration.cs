using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class SafetyPlanRowConfiguration : IEntityTypeConfiguration<SafetyPlanRow>
{
    public void Configure(EntityTypeBuilder<SafetyPlanRow> builder)
    {
        builder.ToTable("safety_plans");
        builder.HasKey(p => p.PersonId);
        builder.HasOne<PersonRow>().WithOne().HasForeignKey<SafetyPlanRow>(p => p.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
