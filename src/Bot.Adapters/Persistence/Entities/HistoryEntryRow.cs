namespace Bot.Adapters.Persistence.Entities;

public sealed class HistoryEntryRow
{
    public long Id { get; set; }

    public Guid PersonId { get; set; }

    public DateTimeOffset At { get; set; }

    public string Kind { get; set; } = "";

    public string Value { get; set; } = "";

    /// <summary>Free text the person wrote, encrypted (see FreeTextProtector); never plaintext.</summary>
    public byte[]? FreeText { get; set; }
}
