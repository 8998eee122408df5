namespace Bot.Adapters.Persistence.Entities;

public sealed class OwnWordsRow
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    /// <summary>The phrase, encrypted (see FreeTextProtector); never plaintext.</summary>
    public byte[] Phrase { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
