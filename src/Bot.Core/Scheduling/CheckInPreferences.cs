namespace Bot.Core.Scheduling;

/// <summary>What a person chose about check-ins. Stored whole as JSON, so it can grow without migrations.</summary>
public sealed record CheckInPreferences
{
    // Declared before Default: static fields initialise in order, and Default reads it.
    public static readonly LocalSpan DefaultWindow = new(new TimeOnly(19, 0), new TimeOnly(19, 30));

    public static readonly CheckInPreferences Default = new();

    public CheckInDays Days { get; init; } = CheckInDays.Daily;

    /// <summary>Each person gets a stable moment inside this window (<see cref="CheckInRules.SlotFor"/>).</summary>
    public LocalSpan Window { get; init; } = DefaultWindow;

    /// <summary>No check-ins, follow-ups or snoozed reminders inside these hours.</summary>
    public LocalSpan? Quiet { get; init; }

    /// <summary>No check-ins before this instant (a pause for N days or until a date).</summary>
    public DateTimeOffset? PausedUntil { get; init; }

    /// <summary>A one-off check-in at this instant instead of the regular ones before it (snooze).</summary>
    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>The regular check-in at or before this instant is skipped (/skip).</summary>
    public DateTimeOffset? SkipThrough { get; init; }
}
