namespace Bot.Core.Scheduling;

/// <summary>The dispatcher's own bookkeeping for one person. Stored as JSON next to the preferences.</summary>
public sealed record DispatchState
{
    public static readonly DispatchState Empty = new();

    /// <summary>The next check-in, as planned with the preferences (null: none planned yet, or none wanted).</summary>
    public DateTimeOffset? CheckInAt { get; init; }

    /// <summary>When the last check-in was written to the outbox.</summary>
    public DateTimeOffset? LastCheckInAt { get; init; }

    /// <summary>When an unanswered check-in closes gently (Signal.ReplyTimedOut).</summary>
    public DateTimeOffset? ReplyTimeoutAt { get; init; }

    /// <summary>Set by the turn in which the person chose a small step; the dispatcher turns it into <see cref="FollowUpAt"/>.</summary>
    public DateTimeOffset? FollowUpRequestedAt { get; init; }

    /// <summary>An optional follow-up, later the same day, after the person chose a small step.</summary>
    public DateTimeOffset? FollowUpAt { get; init; }

    /// <summary>Check-ins in a row that got no answer at all. Used only to send fewer; never shown to the person.</summary>
    public int Unanswered { get; init; }

    /// <summary>The kind offer to pause is made once, ever.</summary>
    public bool PauseOffered { get; init; }

    /// <summary>The earliest pending moment: what the schedule's indexed next_due_at holds.</summary>
    public DateTimeOffset? WakeAt => Min(Min(Min(CheckInAt, ReplyTimeoutAt), FollowUpAt), FollowUpRequestedAt);

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a < b ? a : b;
}
