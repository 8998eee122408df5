using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class PlatformIdentityRowConfiguration : IEntityTypeConfiguration<PlatformIdentityRow>
{
    public void Configure(EntityTypeBuilder<PlatformIdentityRow> builder)
    {
        builder.ToTable("platform_identities");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Platform).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.ExternalUserId).HasMaxLength(64);
        builder.Property(i => i.ChatId).HasMaxLength(64);
        builder.HasIndex(i => new { i.Platform, i.ExternalUserId }).IsUnique();
        builder.HasIndex(i => i.PersonId);
        builder.HasOne<PersonRow>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
