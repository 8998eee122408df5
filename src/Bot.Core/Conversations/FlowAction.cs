namespace Bot.Core.Conversations;

/// <summary>The one thing a row does besides moving and speaking; carried out by <see cref="CheckInEngine"/>.</summary>
public enum FlowAction
{
    /// <summary>Only say the row's replies.</summary>
    Speak = 0,

    // First contact.
    Introduce,
    Consent,
    DeclineConsent,
    SetTimeZone,
    DefaultTimeZone,
    SetTime,
    DefaultTime,
    SetCountry,

    // The check-in.
    Open,
    Acknowledge,
    Decline,
    OneBreath,
    StartGrounding,
    SwitchGrounding,
    NextBeat,
    FinishGrounding,
    SkipGrounding,
    AdaptGrounding,
    NameFeeling,
    OfferSteps,
    DeclineSteps,
    RecordStep,
    RecordOwnStep,

    // Safety.
    EnterSafety,

    /// <summary>"I'm not safe": the routes again, and an offer to stay (grounding, their plan); the question comes back later.</summary>
    StayWithThem,
    SafetyCountry,
    StartSafetyGrounding,
    NextSafetyBeat,
    EndSafetyGrounding,
    FalseAlarm,

    // Schedule.
    Pause,
    Resume,
}
