namespace Bot.Adapters.Persistence.Entities;

/// <summary>A person's safety plan. Everything in it (their words, names, numbers) is one encrypted document.</summary>
public sealed class SafetyPlanRow
{
    public Guid PersonId { get; set; }

    /// <summary>The plan as JSON, encrypted (see FreeTextProtector); never plaintext.</summary>
    public byte[] Plan { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
