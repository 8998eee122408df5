namespace Bot.Core.Scheduling;

/// <summary>A person's schedule of record: whether check-ins are on, what they chose, and the dispatcher's bookkeeping.</summary>
/// <param name="Enabled">The person asked for check-ins (any preference command turns them on).</param>
/// <param name="Stopped">/stop (or "stop" in the flow): nothing is sent until /resume.</param>
public sealed record CheckInSchedule(bool Enabled, bool Stopped, CheckInPreferences Preferences, DispatchState State)
{
    public static readonly CheckInSchedule Off = new(false, false, CheckInPreferences.Default, DispatchState.Empty);

    public bool IsActive => Enabled && !Stopped;

    /// <summary>/stop: nothing is sent, and anything off the regular rhythm (a snooze, a skip) is dropped.</summary>
    public CheckInSchedule Stop() => this with
    {
        Stopped = true,
        Preferences = Preferences with { SnoozedUntil = null, SkipThrough = null },
        State = State with { CheckInAt = null },
    };

    /// <summary>/resume (or a yes): the regular rhythm, planned afresh; no snooze, skip or pause left over.</summary>
    public CheckInSchedule Resume() => this with
    {
        Stopped = false,
        Preferences = Preferences with { SnoozedUntil = null, SkipThrough = null, PausedUntil = null },
        State = State with { CheckInAt = null, Unanswered = 0 },
    };
}
