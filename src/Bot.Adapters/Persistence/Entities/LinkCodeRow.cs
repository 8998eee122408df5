namespace Bot.Adapters.Persistence.Entities;

/// <summary>A one-time link code, by hash only; the row is deleted when the code is used.</summary>
public sealed class LinkCodeRow
{
    public string CodeHash { get; set; } = "";

    public Guid PersonId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
