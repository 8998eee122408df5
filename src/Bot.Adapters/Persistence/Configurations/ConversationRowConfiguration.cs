using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class ConversationRowConfiguration : IEntityTypeConfiguration<ConversationRow>
{
    public void Configure(EntityTypeBuilder<ConversationRow> builder)
    {
        builder.ToTable("conversations");
        builder.HasKey(c => c.PersonId);
        builder.Property(c => c.Step).HasMaxLength(32);
        builder.Property(c => c.Version).HasDefaultValue(0L);
        builder.HasOne<PersonRow>().WithOne().HasForeignKey<ConversationRow>(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
