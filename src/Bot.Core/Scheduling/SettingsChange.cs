namespace Bot.Core.Scheduling;

/// <summary>One thing a person asked to change about their check-ins, parsed from a command or a button.</summary>
public abstract record SettingsChange
{
    private SettingsChange()
    {
    }

    public sealed record Show : SettingsChange;

    public sealed record SetTimeZone(string TimeZone) : SettingsChange;

    public sealed record SetDays(CheckInDays Days) : SettingsChange;

    public sealed record SetWindow(LocalSpan Window) : SettingsChange;

    /// <param name="Quiet">Null turns quiet hours off.</param>
    public sealed record SetQuiet(LocalSpan? Quiet) : SettingsChange;

    public sealed record PauseFor(TimeSpan Duration) : SettingsChange;

    public sealed record PauseUntil(DateOnly Date) : SettingsChange;

    public sealed record Skip : SettingsChange;

    public sealed record Snooze(TimeSpan Duration) : SettingsChange;

    public sealed record Stop : SettingsChange;

    public sealed record Resume : SettingsChange;

    /// <summary>The yes to scheduled check-ins, from the button offered to someone who changed a setting before saying it.</summary>
    public sealed record Consent : SettingsChange;

    /// <summary>The answer to the one-time pause offer: carry on as before.</summary>
    public sealed record KeepGoing : SettingsChange;

    /// <summary>The command was recognised but its argument was not; <paramref name="HelpKey"/> names the copy that explains the format.</summary>
    public sealed record Invalid(string HelpKey) : SettingsChange;
}
