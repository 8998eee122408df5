namespace Bot.Core.Conversations;

/// <summary>A person's conversation state. Typed, immutable, and stored whole as JSON so the flow can grow without migrations.</summary>
public sealed record Conversation
{
    public static readonly Conversation New = new();

    public CheckInStep Step { get; init; } = CheckInStep.Idle;

    /// <summary>Unclear answers in the current step; the step re-asks once, then closes gently.</summary>
    public int Attempts { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? LastInboundAt { get; init; }

    public string? Mood { get; init; }
}
