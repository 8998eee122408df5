namespace Bot.Adapters.Persistence.Entities;

/// <summary>The schedule of record for a person's check-ins; <see cref="NextDueAt"/> is indexed for the dispatcher.</summary>
public sealed class ScheduleRow
{
    public Guid PersonId { get; set; }

    public bool Enabled { get; set; }

    public bool Paused { get; set; }

    public DateTimeOffset? NextDueAt { get; set; }

    public string PreferencesJson { get; set; } = "{}";

    public DateTimeOffset UpdatedAt { get; set; }
}
