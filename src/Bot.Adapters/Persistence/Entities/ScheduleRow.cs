namespace Bot.Adapters.Persistence.Entities;

/// <summary>The schedule of record for a person's check-ins; <see cref="NextDueAt"/> is indexed for the dispatcher.</summary>
public sealed class ScheduleRow
{
    public Guid PersonId { get; set; }

    public bool Enabled { get; set; }

    /// <summary>The person stopped check-ins (/stop or "stop" in the flow); the dispatcher never claims the row.</summary>
    public bool Paused { get; set; }

    /// <summary>The earliest moment the dispatcher has something to do for this person (UTC).</summary>
    public DateTimeOffset? NextDueAt { get; set; }

    public string PreferencesJson { get; set; } = "{}";

    /// <summary>The dispatcher's bookkeeping (planned check-in, reply timeout, follow-up, unanswered count) as JSON.</summary>
    public string StateJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }
}
