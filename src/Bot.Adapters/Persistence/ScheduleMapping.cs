using Bot.Adapters.Persistence.Entities;
using Bot.Core.People;
using Bot.Core.Scheduling;

namespace Bot.Adapters.Persistence;

/// <summary>Between a schedule row and the Core schedule; the indexed next_due_at is always the state's wake-up time.</summary>
internal static class ScheduleMapping
{
    public static CheckInSchedule ToSchedule(ScheduleRow row) => new(
        row.Enabled,
        row.Paused,
        ReadOr(row.PreferencesJson, CheckInPreferences.Default),
        ReadOr(row.StateJson, DispatchState.Empty));

    public static void Apply(ScheduleRow row, CheckInSchedule schedule, DateTimeOffset now)
    {
        row.Enabled = schedule.Enabled;
        row.Paused = schedule.Stopped;
        row.PreferencesJson = StateJson.Write(schedule.Preferences);
        row.StateJson = StateJson.Write(schedule.State);
        // While stopped the row is due from the moment it stopped (the claim skips stopped rows), so a resume from
        // any path, the engine's "resume" included, finds it due and the dispatcher plans afresh.
        row.NextDueAt = !schedule.Enabled ? null : schedule.Stopped ? schedule.State.WakeAt ?? now : schedule.State.WakeAt;
        row.UpdatedAt = now;
    }

    public static PersonProfile ToProfile(PersonRow row) => new()
    {
        Id = row.Id,
        CreatedAt = row.CreatedAt,
        Locale = row.Locale,
        TimeZone = row.TimeZone,
        Country = row.Country,
    };

    private static T ReadOr<T>(string json, T fallback) =>
        string.IsNullOrWhiteSpace(json) || json == "{}" ? fallback : StateJson.Read<T>(json);
}
