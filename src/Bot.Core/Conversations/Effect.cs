namespace Bot.Core.Conversations;

/// <summary>Something the engine asks the planner or handler to carry out after the turn; the engine itself does no I/O.</summary>
public abstract record Effect
{
    private Effect()
    {
    }

    /// <param name="Kind">What it is: mood, grounding, small-step, not-today, feeling, safety.</param>
    /// <param name="Value">A short code, never free text.</param>
    /// <param name="FreeText">What the person wrote, if it is worth keeping; personal data.</param>
    public sealed record RecordHistory(string Kind, string Value, string? FreeText = null) : Effect;

    /// <summary>A small step was chosen: the scheduler may follow up gently later that day (it decides whether it fits).</summary>
    public sealed record FollowUpStep : Effect;

    public sealed record PauseCheckIns : Effect;

    public sealed record ResumeCheckIns : Effect;

    /// <summary>An IANA time zone id the person gave (already validated).</summary>
    public sealed record SetTimeZone(string TimeZoneId) : Effect;

    /// <summary>An ISO 3166-1 alpha-2 code, for crisis lines.</summary>
    public sealed record SetCountry(string CountryCode) : Effect;

    /// <summary>The person said yes or no to scheduled check-ins, and (when yes) at what local time.</summary>
    public sealed record SetCheckIns(bool Wanted, TimeOnly? LocalTime) : Effect;
}
