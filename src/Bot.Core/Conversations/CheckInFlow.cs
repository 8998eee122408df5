using Bot.Core.Replies;
using static Bot.Core.Conversations.CheckInStep;
using static Bot.Core.Conversations.FlowAction;
using static Bot.Core.Conversations.Intent;
using static Bot.Core.Replies.ReplyKey;

namespace Bot.Core.Conversations;

/// <summary>
/// The whole conversation, as data. Read top to bottom: interrupts, first contact, the check-in, safety. Who answers a
/// message before these rows is <see cref="Commands.CommandRoutes"/>; the rules the engine applies around them are
/// <see cref="FlowRules"/>; what each action does is <see cref="CheckInEngine.Actions"/>. docs/check-in-flow.md is drawn from all four.
/// </summary>
public static class CheckInFlow
{
    public static readonly FlowTable Table = new()
    {
        // from              on                     to                 act                   say
        // Interrupts: from every step.
        { null,              Crisis,                SafetyHold,        EnterSafety },
        { null,              Sos,                   SafetyHold,        EnterSafety },
        { null,              Stop,                  Paused,            Pause,                PausedConfirmed },
        { null,              Intent.Help,           null,              Speak,                ReplyKey.Help },
        { null,              Start,                 AskingConsent,     Introduce,            Welcome, AskConsent },
        { null,              CheckIn,               Opened,            Open },
        { null,              Intent.Resume,         null,              FlowAction.Resume,    Resumed },
        { null,              Intent.UnknownCommand, null,              Speak,                ReplyKey.UnknownCommand },

        // First contact: consent, time zone, time, country (every question has a default).
        { AskingConsent,     Yes,                   AskingTimeZone,    Consent,              AskTimeZone },
        { AskingConsent,     No,                    Idle,              DeclineConsent,       ConsentDeclined },
        { AskingConsent,     NotToday,              Idle,              DeclineConsent,       ConsentDeclined },
        { AskingTimeZone,    Intent.TimeZone,       AskingTime,        SetTimeZone,          TimeZoneSaved, AskTime },
        { AskingTimeZone,    BadTimeZone,           null,              Speak,                TimeZoneNotRecognised },
        { AskingTimeZone,    Skip,                  AskingTime,        DefaultTimeZone,      TimeZoneDefault, AskTime },
        { AskingTime,        TimeOfDay,             AskingCountry,     SetTime,              TimeSaved, AskCountry },
        { AskingTime,        BadTime,               null,              Speak,                TimeNotRecognised },
        { AskingTime,        Skip,                  AskingCountry,     DefaultTime,          TimeDefault, AskCountry },
        { AskingCountry,     Country,               Idle,              SetCountry,           CountrySaved, AllSet },
        { AskingCountry,     Skip,                  Idle,              Speak,                AllSet },
        { AskingCountry,     No,                    Idle,              Speak,                AllSet },
        { Idle,              No,                    null,              Speak,                SeeYouLater },
        { Closed,            No,                    null,              Speak,                SeeYouLater },

        // Acknowledge: a mood tap, their own words, or resistance (validated first, rule 3).
        { Opened,            Mood,                  OfferingGrounding, Acknowledge,          OfferGrounding },
        { Opened,            Shared,                OfferingGrounding, Acknowledge,          OfferGrounding },
        { Opened,            Resistance,            OfferingGrounding, Acknowledge,          OfferGrounding },
        { Opened,            NotToday,              OfferingTiny,      Decline,              RespectTheNo },
        { Opened,            No,                    OfferingTiny,      Decline,              RespectTheNo },
        { OfferingTiny,      Yes,                   Closed,            FlowAction.OneBreath, ReplyKey.OneBreath, CloseHonouringEffort },
        { OfferingTiny,      NotToday,              Closed,            Decline,              CloseWarmly },
        { OfferingTiny,      No,                    Closed,            Decline,              CloseWarmly },
        { OfferingTiny,      Resistance,            Closed,            Decline,              CloseWarmly },
        { OfferingTiny,      Mood,                  OfferingGrounding, Acknowledge,          OfferGrounding },
        { OfferingTiny,      Shared,                OfferingGrounding, Acknowledge,          OfferGrounding },

        // Ground: one exercise chosen by mood and by what they skipped before; always skippable.
        { OfferingGrounding, Yes,                   Grounding,         StartGrounding },
        { OfferingGrounding, Other,                 Grounding,         SwitchGrounding },
        { OfferingGrounding, Resistance,            null,              Speak,                OfferGroundingSmaller },
        { OfferingGrounding, Skip,                  ChoosingStep,      SkipGrounding,        NoGroundingToday },
        { OfferingGrounding, NotToday,              ChoosingStep,      SkipGrounding,        NoGroundingToday },
        { OfferingGrounding, No,                    ChoosingStep,      SkipGrounding,        NoGroundingToday },
        { Grounding,         Next,                  null,              NextBeat },
        { Grounding,         Yes,                   null,              NextBeat },
        { Grounding,         Shared,                null,              NextBeat },
        { Grounding,         Feeling,               Noticing,          NameFeeling,          AskShift },
        { Grounding,         Done,                  Noticing,          FinishGrounding,      AskShift },
        { Grounding,         Other,                 null,              SwitchGrounding },
        { Grounding,         Resistance,            null,              AdaptGrounding },
        { Grounding,         Skip,                  ChoosingStep,      SkipGrounding,        NoGroundingToday },
        { Grounding,         NotToday,              ChoosingStep,      SkipGrounding,        NoGroundingToday },
        { Grounding,         No,                    ChoosingStep,      SkipGrounding,        NoGroundingToday },
        { Noticing,          Yes,                   ChoosingStep,      OfferSteps,           ShiftNoted },
        { Noticing,          No,                    ChoosingStep,      OfferSteps,           ShiftNoted },
        { Noticing,          Shared,                ChoosingStep,      OfferSteps,           ShiftNoted },
        { Noticing,          Next,                  ChoosingStep,      OfferSteps,           ShiftNoted },
        { Noticing,          Resistance,            ChoosingStep,      OfferSteps },
        { Noticing,          NotToday,              Closed,            DeclineSteps,         RestCounts },
        { Noticing,          Skip,                  Closed,            DeclineSteps,         RestCounts },

        // One small step: about three that fit the mood, their own, or rest. Then close, honouring the effort.
        { ChoosingStep,      Step,                  Closed,            RecordStep,           CloseHonouringEffort },
        { ChoosingStep,      OwnStep,               WritingOwnStep,    Speak,                AskOwnStep },
        { ChoosingStep,      Shared,                Closed,            RecordOwnStep,        CloseHonouringEffort },
        { ChoosingStep,      Resistance,            null,              OfferSteps },
        { ChoosingStep,      NotToday,              Closed,            DeclineSteps,         RestCounts },
        { ChoosingStep,      Skip,                  Closed,            DeclineSteps,         RestCounts },
        { ChoosingStep,      No,                    Closed,            DeclineSteps,         RestCounts },
        { WritingOwnStep,    Shared,                Closed,            RecordOwnStep,        CloseHonouringEffort },
        { WritingOwnStep,    Step,                  Closed,            RecordStep,           CloseHonouringEffort },
        { WritingOwnStep,    Resistance,            Closed,            DeclineSteps,         RestCounts },
        { WritingOwnStep,    NotToday,              Closed,            DeclineSteps,         RestCounts },
        { WritingOwnStep,    Skip,                  Closed,            DeclineSteps,         RestCounts },

        // Safety: care, human help for their country, "are you safe?", grounding only as support. Never a small step.
        { SafetyHold,        Safe,                  null,              Speak,                SafeForNow },
        { SafetyHold,        NotSafe,               null,              StayWithThem,         NotSafeNow, CrisisLines, StayWithYou },
        { SafetyHold,        Country,               null,              SafetyCountry,        CrisisLines, AskSafe },
        { SafetyHold,        Misread,               null,              FlowAction.FalseAlarm,ReplyKey.FalseAlarm },
        { SafetyHold,        Yes,                   SafetyGrounding,   StartSafetyGrounding },
        { SafetyHold,        Shared,                null,              Speak,                StillHere },
        { SafetyHold,        Resistance,            null,              Speak,                StillHere },
        { SafetyHold,        NotToday,              Closed,            Speak,                SafetyLeaveOpen },
        { SafetyHold,        No,                    Closed,            Speak,                SafetyLeaveOpen },
        { SafetyGrounding,   Next,                  null,              NextSafetyBeat },
        { SafetyGrounding,   Yes,                   null,              NextSafetyBeat },
        { SafetyGrounding,   Shared,                null,              NextSafetyBeat },
        { SafetyGrounding,   Resistance,            null,              AdaptGrounding },
        { SafetyGrounding,   Done,                  SafetyHold,        EndSafetyGrounding,   AfterSafetyGrounding },
        { SafetyGrounding,   Skip,                  SafetyHold,        EndSafetyGrounding,   AfterSafetyGrounding },
        { SafetyGrounding,   NotToday,              SafetyHold,        EndSafetyGrounding,   AfterSafetyGrounding },
        { SafetyGrounding,   Misread,               null,              FlowAction.FalseAlarm,ReplyKey.FalseAlarm },
    };

    /// <summary>What each waiting step asked; an unclear answer hears it again (rule 5).</summary>
    public static readonly IReadOnlyDictionary<CheckInStep, ReplyKey> Prompts = new Dictionary<CheckInStep, ReplyKey>
    {
        [AskingConsent] = AskConsent,
        [AskingTimeZone] = AskTimeZone,
        [AskingTime] = AskTime,
        [AskingCountry] = AskCountry,
        [Opened] = Opener,
        [OfferingTiny] = RespectTheNo,
        [OfferingGrounding] = OfferGrounding,
        [Noticing] = AskShift,
        [ChoosingStep] = AskForSmallStep,
        [WritingOwnStep] = AskOwnStep,
        [SafetyHold] = AskSafe,
    };

    /// <summary>
    /// What a person hears on (nearly) every check-in: the opener, the acknowledgement of their mood, the grounding offer and
    /// its aftermath, the small-step question and the close. Each has at least <see cref="Persistence.ReplyMemory.FreshVariants"/>
    /// variants, so daily check-ins never repeat one within <see cref="Persistence.ReplyMemory.Window"/>.
    /// </summary>
    public static readonly IReadOnlyList<ReplyKey> EveryCheckIn =
    [
        Opener, AckHeavy, AckTired, AckOkay, AckSteady, AckBright, AckOwnWords, OfferGrounding, NoGroundingToday, AskShift, ShiftNoted,
        AskForSmallStep, AffirmStep, AffirmRest, RestCounts, CloseHonouringEffort, CloseWarmly,
    ];

    public static bool IsCheckIn(CheckInStep step) =>
        step is Opened or OfferingTiny or OfferingGrounding or Grounding or Noticing or ChoosingStep or WritingOwnStep;

    public static bool IsFirstContact(CheckInStep step) =>
        step is AskingConsent or AskingTimeZone or AskingTime or AskingCountry;

    public static bool IsSafety(CheckInStep step) => step is SafetyHold or SafetyGrounding;

    public static bool IsResting(CheckInStep step) => step is Idle or Closed or Paused;

    /// <summary>Steps whose answers a feature plans (<see cref="Commands.CommandRoutes.Continuing"/>), not this table; interrupts still come here.</summary>
    public static bool IsFeatureOwned(CheckInStep step) => Commands.CommandRoutes.IsFeatureOwned(step);
}
