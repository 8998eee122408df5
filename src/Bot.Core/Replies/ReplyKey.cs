namespace Bot.Core.Replies;

/// <summary>Everything the bot can say, by name. The words live in Content/replies.{lang}.json.</summary>
public enum ReplyKey
{
    // First contact.
    Welcome,
    AskConsent,
    ConsentDeclined,
    AskTimeZone,
    TimeZoneSaved,
    TimeZoneNotRecognised,
    TimeZoneDefault,
    AskTime,
    TimeSaved,
    TimeNotRecognised,
    TimeDefault,
    AskCountry,
    CountrySaved,
    AllSet,
    SeeYouLater,

    // Opening.
    Opener,
    OpenerWelcomeBack,
    OpenerAfterHardDay,

    // Acknowledging.
    AckHeavy,
    AckTired,
    AckOkay,
    AckSteady,
    AckBright,
    AckOwnWords,
    ValidateUnworthy,
    ValidateGuilt,
    ValidateAwkward,
    ValidateNumb,
    ValidateSceptical,
    ReframeSelfLabel,
    ValidateOverwhelmed,
    ValidateFearOfSoftness,
    ValidateCritic,
    ValidateFearOfFeeling,
    ValidateBodyResists,
    ValidateAlone,
    ValidateSelfish,
    ValidateAtTheBot,
    RespectTheNo,
    OneBreath,

    // Grounding.
    OfferGrounding,
    OfferGroundingSmaller,
    NoGroundingToday,
    BreathIntro,
    BreathRound,
    BreathNoHoldIntro,
    BreathNoHoldRound,
    DropTheHold,
    PmrIntro,
    PmrToes,
    PmrLegs,
    PmrHands,
    PmrShoulders,
    PmrFace,
    TouchIntro,
    TouchBreaths,
    NamingAsk,
    NamedFeeling,
    KeepGoingOrStop,
    AskShift,
    ShiftNoted,

    // Small step and close.
    AskForSmallStep,
    AskOwnStep,
    AffirmStep,
    AffirmRest,
    AffirmOwnStep,
    RestCounts,
    CloseHonouringEffort,
    CloseWarmly,

    // Safety.
    SoftCheck,
    CheckDirectly,
    CrisisCare,
    SosCare,
    CrisisUrgent,
    CrisisLines,
    CrisisLinesAskCountry,
    AskSafe,
    SafeForNow,
    NotSafeNow,
    StillHere,
    AfterSafetyGrounding,
    SafetyLeaveOpen,
    FalseAlarm,
    FalseAlarmOffer,
    CloseAfterSafety,

    // Housekeeping.
    ReAsk,
    GentleClose,
    IdleHint,
    PausedHint,
    PausedConfirmed,
    Resumed,
    Help,
    UnknownCommand,
    SomethingWentWrongGently,

    // Names from the first scaffold, kept only so reply memory stored by it still reads. Never said.
    [Obsolete("Replaced by AckHeavy..AckOwnWords; kept for stored reply memory.")]
    ThanksForCheckingIn,
    [Obsolete("Replaced by CrisisCare, CrisisLines and AskSafe; kept for stored reply memory.")]
    CrisisResponse,
}
