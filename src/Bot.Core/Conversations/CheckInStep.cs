namespace Bot.Core.Conversations;

/// <summary>Where a person is in the conversation. Stored by name, so new steps can be added anywhere.</summary>
public enum CheckInStep
{
    Idle = 0,
    Opened = 1,
    Closed = 2,
    SafetyHold = 3,
    Paused = 4,

    AskingConsent,
    AskingTimeZone,
    AskingTime,
    AskingCountry,

    OfferingTiny,
    OfferingGrounding,
    Grounding,
    Noticing,
    ChoosingStep,
    WritingOwnStep,

    SafetyGrounding,

    // Safety plan and the care after a crisis response (Bot.Core.SafetyPlan).
    SafetyPlanning,
    SafetyAskingFollowUp,
    SafetyFollowUp,
}
