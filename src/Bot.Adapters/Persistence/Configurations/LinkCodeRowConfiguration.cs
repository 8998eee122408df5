using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class LinkCodeRowConfiguration : IEntityTypeConfiguration<LinkCodeRow>
{
    public void Configure(EntityTypeBuilder<LinkCodeRow> builder)
    {
        builder.ToTable("link_codes");
        builder.HasKey(c => c.CodeHash);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => c.PersonId);
        builder.HasIndex(c => c.ExpiresAt);
        builder.HasOne<PersonRow>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
