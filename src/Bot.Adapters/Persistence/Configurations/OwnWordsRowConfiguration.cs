using Bot.Adapters.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Bot.Adapters.Persistence.Configurations;

internal sealed class OwnWordsRowConfiguration : IEntityTypeConfiguration<OwnWordsRow>
{
    public void Configure(EntityTypeBuilder<OwnWordsRow> builder)
    {
        builder.ToTable("own_words");
        builder.HasKey(w => w.Id);
        builder.HasIndex(w => w.PersonId);
        builder.HasOne<PersonRow>().WithMany().HasForeignKey(w => w.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}
