namespace Bot.Core.Conversations;

/// <summary>What the person meant, as far as a careful rule-based reading can tell.</summary>
public enum Intent
{
    Unclear = 0,

    // Commands, understood from every step.
    Start,
    CheckIn,
    Stop,
    Resume,
    Help,
    Sos,
    Crisis,
    UnknownCommand,

    // Answers inside the flow.
    Mood,
    Shared,
    Resistance,
    NotToday,
    Yes,
    No,
    Skip,
    Other,
    Next,
    Done,
    Feeling,
    Step,
    OwnStep,

    // First contact.
    TimeZone,
    BadTimeZone,
    TimeOfDay,
    BadTime,
    Country,

    // Safety.
    Safe,
    NotSafe,
    Misread,
}
