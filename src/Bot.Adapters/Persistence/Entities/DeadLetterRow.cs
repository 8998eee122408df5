using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

/// <summary>A parked inbound update. What it said is only in <see cref="Payload"/>, encrypted with the free-text key ring.</summary>
public sealed class DeadLetterRow
{
    public Platform Platform { get; set; }

    public string UpdateId { get; set; } = "";

    public string ErrorType { get; set; } = "";

    /// <summary>The exception's message, never the update's text.</summary>
    public string ErrorMessage { get; set; } = "";

    public int Attempts { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    /// <summary>The raw update, encrypted (<see cref="FreeTextProtector"/>), so `dead-letters retry` can run it again.</summary>
    public byte[]? Payload { get; set; }
}
