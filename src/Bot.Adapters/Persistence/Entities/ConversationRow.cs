namespace Bot.Adapters.Persistence.Entities;

/// <summary>A person's current conversation, stored whole as JSON; the step is a column for queries.</summary>
public sealed class ConversationRow
{
    public Guid PersonId { get; set; }

    public string Step { get; set; } = "";

    public string StateJson { get; set; } = "{}";

    public string RepliesJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Goes up by one with every save: a turn saves only if it is still the version the turn was decided on.</summary>
    public long Version { get; set; }
}
