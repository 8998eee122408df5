using Bot.Core.Safety;

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

    /// <summary>The mood of the current check-in (heavy, tired, okay, steady, bright, or "own-words").</summary>
    public string? Mood { get; init; }

    /// <summary>The bot has said what it is (a bot, not a person, not therapy).</summary>
    public bool Introduced { get; init; }

    /// <summary>Consent for scheduled check-ins was asked (at first contact, or after a first check-in the person started).</summary>
    public bool ConsentAsked { get; init; }

    /// <summary>Scheduled check-ins are paused (person-initiated check-ins still work).</summary>
    public bool CheckInsPaused { get; init; }

    /// <summary>Preferred local time for scheduled check-ins, "HH:mm".</summary>
    public string? CheckInTime { get; init; }

    /// <summary>Declines ("not today", skip) in the current check-in; the second one closes warmly.</summary>
    public int Declines { get; init; }

    public ResistanceKind? Resistance { get; init; }

    public GroundingExercise Exercise { get; init; }

    /// <summary>Index of the next beat of <see cref="Exercise"/> to say.</summary>
    public int Beat { get; init; }

    /// <summary>Exercises already offered in this check-in, so "something else" never repeats one.</summary>
    public GroundingExercise[] Tried { get; init; } = [];

    /// <summary>Exercises the person skipped in earlier check-ins, most recent first; they move to the back of the queue.</summary>
    public GroundingExercise[] Skipped { get; init; } = [];

    /// <summary>The person told us holding the breath does not feel good; breathing comes without the hold from then on.</summary>
    public bool NoBreathHold { get; init; }

    /// <summary>Step ids offered in the current check-in.</summary>
    public string[] OfferedSteps { get; init; } = [];

    /// <summary>When the last check-in opened; used to welcome someone back without mentioning the gap.</summary>
    public DateTimeOffset? LastCheckInAt { get; init; }

    public int CheckInCount { get; init; }

    /// <summary>When safety mode began; the normal flow waits at least a day unless the person chooses to go on.</summary>
    public DateTimeOffset? SafetyHeldAt { get; init; }

    /// <summary>Safety mode happened in the current check-in: it never continues to a small step.</summary>
    public bool SafetyThisCheckIn { get; init; }

    /// <summary>Where the person was when safety mode began, so "that's not what I meant" can return there.</summary>
    public CheckInStep? HeldFrom { get; init; }

    /// <summary>How worried the detector was when safety mode began; a light check that missed returns to the flow.</summary>
    public RiskLevel? HeldFor { get; init; }

    /// <summary>The country question for crisis lines was asked once; it is not asked again.</summary>
    public bool CountryAsked { get; init; }

    /// <summary>The safety-plan part being written (1-6) while Step is SafetyPlanning; null otherwise.</summary>
    public int? SafetyPlanPart { get; init; }

    /// <summary>Only that one part is being edited (then the plan is shown), rather than walking on to the next.</summary>
    public bool SafetyPlanEditOnly { get; init; }

    /// <summary>The person said yes to one gentle follow-up after a crisis response; it is due at this instant.</summary>
    public DateTimeOffset? SafetyFollowUpAt { get; init; }

    /// <summary>The "may I check on you tomorrow?" question was asked for the current safety hold.</summary>
    public bool SafetyFollowUpAsked { get; init; }

    /// <summary>
    /// The buttons of the last message that offered any (bot copy only, never the person's words); the store keeps them
    /// from each turn's outbox with <see cref="ChoicesOnScreen.After"/>, so a typed "2" still means the second one later.
    /// </summary>
    public Messaging.ReplyChoice[] LastChoices { get; init; } = [];
}
