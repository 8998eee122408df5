using System.Globalization;
using Bot.Core.History;
using Bot.Core.Replies;
using Bot.Core.Safety;
using static Bot.Core.Conversations.CheckInStep;

namespace Bot.Core.Conversations;

/// <summary>The actions the rows of <see cref="CheckInFlow.Table"/> name: one small method each.</summary>
public static partial class CheckInEngine
{
    internal static readonly ActionTable Actions = new()
    {
        // action                        does                 and may also move
        { FlowAction.Speak,              Speak },
        { FlowAction.Introduce,          Introduce },
        { FlowAction.Consent,            Consent },
        { FlowAction.DeclineConsent,     DeclineConsent },
        { FlowAction.SetTimeZone,        SetTimeZone },
        { FlowAction.DefaultTimeZone,    DefaultZone },
        { FlowAction.SetTime,            SetTime },
        { FlowAction.DefaultTime,        DefaultTime },
        { FlowAction.SetCountry,         SetCountry },
        { FlowAction.Open,               Open },
        { FlowAction.Acknowledge,        Acknowledge },
        { FlowAction.Decline,            Decline },
        { FlowAction.OneBreath,          OneBreath },
        { FlowAction.StartGrounding,     StartGrounding },
        { FlowAction.SwitchGrounding,    SwitchGrounding },
        { FlowAction.NextBeat,           NextBeat,            new ActionEdge(null, Noticing, "after the last beat") },
        { FlowAction.FinishGrounding,    FinishGrounding },
        { FlowAction.SkipGrounding,      SkipGrounding,       new ActionEdge(null, Closed, "when safety mode came up in this check-in") },
        { FlowAction.AdaptGrounding,     AdaptGrounding },
        { FlowAction.NameFeeling,        NameFeeling },
        { FlowAction.OfferSteps,         OfferSteps,          new ActionEdge(null, Closed, "when safety mode came up in this check-in") },
        { FlowAction.DeclineSteps,       DeclineSteps },
        { FlowAction.RecordStep,         RecordStep },
        { FlowAction.RecordOwnStep,      RecordOwnStep },
        { FlowAction.EnterSafety,        EnterSafety },
        { FlowAction.StayWithThem,       StayWithThem },
        { FlowAction.SafetyCountry,      SetCountry },
        { FlowAction.StartSafetyGrounding, StartSafetyGrounding },
        { FlowAction.NextSafetyBeat,     NextSafetyBeat,      new ActionEdge(null, SafetyHold, "after the last beat") },
        { FlowAction.EndSafetyGrounding, FinishGrounding },
        { FlowAction.FalseAlarm,         FalseAlarm,          new ActionEdge(SafetyHold, Closed, "Misread after a real check"),
                                                              new ActionEdge(SafetyHold, Opened, "Misread after a light check (back where they were)") },
        { FlowAction.Pause,              Pause },
        { FlowAction.Resume,             Resume,              new ActionEdge(Paused, Idle, "leaves Paused") },
    };

    private static void Speak(TurnBuilder t, FlowRow row)
    {
        if (t.Said.Intent == Intent.Help)
        {
            // /help says plainly what this is (a bot, not a person, not therapy), so it counts as the introduction.
            t.Next = t.Next with { Introduced = true };
        }

        t.SayRow(row);
    }

    private static void Introduce(TurnBuilder t, FlowRow row)
    {
        t.Next = t.Next with { Introduced = true, ConsentAsked = true };
        t.SayRow(row);
    }

    private static void Consent(TurnBuilder t, FlowRow row)
    {
        var time = t.Next.CheckInTime ?? DefaultCheckInTime;
        t.Next = t.Next with { CheckInsPaused = false, CheckInTime = time };
        t.Effects.Add(new Effect.SetCheckIns(true, TimeOnly.Parse(time, CultureInfo.InvariantCulture)));
        t.Effects.Add(new Effect.ResumeCheckIns());
        t.SayRow(row);
    }

    private static void DeclineConsent(TurnBuilder t, FlowRow row)
    {
        t.Effects.Add(new Effect.SetCheckIns(false, null));
        t.SayRow(row);
    }

    private static void SetTimeZone(TurnBuilder t, FlowRow row) => SaveTimeZone(t, row, t.Said.Value ?? DefaultTimeZone);

    private static void DefaultZone(TurnBuilder t, FlowRow row) => SaveTimeZone(t, row, DefaultTimeZone);

    private static void SaveTimeZone(TurnBuilder t, FlowRow row, string zone)
    {
        t.Effects.Add(new Effect.SetTimeZone(zone));
        t.SayRow(row, zone);
    }

    private static void SetTime(TurnBuilder t, FlowRow row) => SaveTime(t, row, t.Said.Value ?? DefaultCheckInTime);

    private static void DefaultTime(TurnBuilder t, FlowRow row) => SaveTime(t, row, DefaultCheckInTime);

    private static void SaveTime(TurnBuilder t, FlowRow row, string time)
    {
        t.Next = t.Next with { CheckInTime = time, CountryAsked = true };
        t.Effects.Add(new Effect.SetCheckIns(true, TimeOnly.Parse(time, CultureInfo.InvariantCulture)));
        t.SayRow(row, time);
    }

    private static void SetCountry(TurnBuilder t, FlowRow row)
    {
        if (t.Said.Value is { } country)
        {
            t.Effects.Add(new Effect.SetCountry(country));
        }

        t.Next = t.Next with { CountryAsked = true };
        t.SayRow(row);
    }

    private static void Open(TurnBuilder t, FlowRow row)
    {
        var opened = OpenCheckIn(t.Next, t.Now, null);
        t.Next = opened.Next;
        t.Utterances.AddRange(opened.Say);
    }

    private static void Acknowledge(TurnBuilder t, FlowRow row)
    {
        var said = t.Said;
        if (said.Intent == Intent.Mood && said.Value is { } mood)
        {
            t.Next = t.Next with { Mood = mood };
            t.History("mood", mood);
            t.Say(mood switch
            {
                "heavy" => ReplyKey.AckHeavy,
                "tired" => ReplyKey.AckTired,
                "steady" => ReplyKey.AckSteady,
                "bright" => ReplyKey.AckBright,
                _ => ReplyKey.AckOkay,
            });
        }
        else
        {
            AcknowledgeWords(t);
        }

        t.SayRow(row);
    }

    private static void AcknowledgeWords(TurnBuilder t)
    {
        // Doubt about the exercise or the bot says nothing about how the person is, so it is not filed as their mood.
        var said = t.Said;
        var resisted = said.Intent == Intent.Resistance;
        if (!resisted || !IsAboutTheCheckIn(ParseResistance(said.Value)))
        {
            t.Next = t.Next with { Mood = MoodScale.OwnWords };
            t.History("mood", MoodScale.OwnWords, said.Text);
        }

        if (resisted)
        {
            // The matched validation was already said (rule 3); keep only the short code of what was heard.
            t.History("resistance", (said.Value ?? "").Split(':', 2)[0]);
            return;
        }

        t.Say(ReplyKey.AckOwnWords);
    }

    private static void Decline(TurnBuilder t, FlowRow row)
    {
        t.Next = t.Next with { Declines = t.Next.Declines + 1 };
        RecordNotToday(t);
        t.SayRow(row);
    }

    private static void OneBreath(TurnBuilder t, FlowRow row)
    {
        t.History("grounding", "one-breath");
        t.SayRow(row);
    }

    private static void StartGrounding(TurnBuilder t, FlowRow row) =>
        StartExercise(t, t.Next.Exercise != GroundingExercise.None ? t.Next.Exercise : GroundingScripts.Choose(t.Next));

    private static void SwitchGrounding(TurnBuilder t, FlowRow row)
    {
        var c = t.Next;
        t.Next = c with { Tried = c.Exercise == GroundingExercise.None || c.Tried.Contains(c.Exercise) ? c.Tried : [.. c.Tried, c.Exercise] };
        StartExercise(t, GroundingScripts.Choose(t.Next));
    }

    private static void StartExercise(TurnBuilder t, GroundingExercise exercise)
    {
        var c = t.Next;
        t.Next = c with
        {
            Step = CheckInFlow.IsSafety(c.Step) ? SafetyGrounding : Grounding,
            Exercise = exercise,
            Beat = 1,
            Tried = c.Tried.Contains(exercise) ? c.Tried : [.. c.Tried, exercise],
        };
        t.Say(GroundingScripts.Beats[exercise][0]);
    }

    private static void NextBeat(TurnBuilder t, FlowRow row) => NextBeatOr(t, Noticing, ReplyKey.AskShift);

    private static void NextSafetyBeat(TurnBuilder t, FlowRow row) => NextBeatOr(t, SafetyHold, ReplyKey.AfterSafetyGrounding);

    /// <summary>The exercise's next beat; after the last one, on to <paramref name="after"/>.</summary>
    private static void NextBeatOr(TurnBuilder t, CheckInStep after, ReplyKey ask)
    {
        var c = t.Next;
        var beats = GroundingScripts.Beats[c.Exercise == GroundingExercise.None ? GroundingExercise.Breathing : c.Exercise];
        if (c.Beat < beats.Length)
        {
            t.Next = c with { Beat = c.Beat + 1 };
            t.Say(beats[c.Beat]);
            return;
        }

        t.History("grounding", GroundingScripts.Code(c.Exercise));
        t.Next = c with { Step = after };
        t.Say(ask);
    }

    private static void FinishGrounding(TurnBuilder t, FlowRow row)
    {
        t.History("grounding", GroundingScripts.Code(t.Next.Exercise));
        t.SayRow(row);
    }

    private static void SkipGrounding(TurnBuilder t, FlowRow row)
    {
        var c = t.Next;
        var skipped = c.Exercise == GroundingExercise.None ? GroundingScripts.Choose(c) : c.Exercise;
        t.Next = c with
        {
            Declines = c.Declines + 1,
            Skipped = [skipped, .. c.Skipped.Where(e => e != skipped).Take(3)],
        };
        t.History("grounding", "skipped-" + GroundingScripts.Code(skipped));
        RecordNotToday(t);
        t.SayRow(row);
        OfferSteps(t);
    }

    private static void AdaptGrounding(TurnBuilder t, FlowRow row)
    {
        var c = t.Next;
        var kind = ParseResistance(t.Said.Value);
        if (kind == ResistanceKind.BodyResists && c.Exercise is GroundingExercise.Breathing or GroundingExercise.BreathingNoHold)
        {
            // The hold is the usual trouble; drop it, keep the eyes open, and remember it for next time.
            t.Next = c with { NoBreathHold = true, Exercise = GroundingExercise.BreathingNoHold, Beat = 2, Resistance = kind };
            t.Say(ReplyKey.DropTheHold);
            t.Say(ReplyKey.BreathNoHoldRound);
            return;
        }

        if (kind == ResistanceKind.BodyResists && c.Exercise != GroundingExercise.Naming)
        {
            t.Next = c with { Exercise = GroundingExercise.Naming, Beat = 1, Resistance = kind, Tried = [.. c.Tried, GroundingExercise.Naming] };
            t.Say(ReplyKey.ValidateBodyResists);
            t.Say(ReplyKey.NamingAsk);
            return;
        }

        t.Next = c with { Resistance = kind };
        t.Say(ValidationFor(kind), SelfLabelOf(t.Said.Value));
        t.Say(ReplyKey.KeepGoingOrStop);
    }

    private static void NameFeeling(TurnBuilder t, FlowRow row)
    {
        var feeling = t.Said.Value ?? t.Said.Text ?? "feel:something-else";
        t.History("feeling", feeling.StartsWith("feel:", StringComparison.Ordinal) ? feeling[5..] : "own-word");
        t.History("grounding", GroundingScripts.Code(GroundingExercise.Naming));
        t.Say(ReplyKey.NamedFeeling, feeling);
        t.SayRow(row);
    }

    private static void OfferSteps(TurnBuilder t, FlowRow row)
    {
        t.SayRow(row);
        OfferSteps(t);
    }

    private static void OfferSteps(TurnBuilder t)
    {
        var c = t.Next;
        if (c.SafetyThisCheckIn)
        {
            // Safety first: a check-in that needed safety mode never goes on to a small step.
            t.Next = c with { Step = Closed };
            t.Say(ReplyKey.CloseAfterSafety);
            return;
        }

        var offered = c.OfferedSteps.Length > 0 ? c.OfferedSteps : SmallSteps.Offer(c.Mood, c.CheckInCount);
        t.Next = c with { Step = ChoosingStep, OfferedSteps = offered };
        t.Utterances.Add(new Utterance(ReplyKey.AskForSmallStep, Choices: SmallSteps.Buttons(offered)));
    }

    private static void DeclineSteps(TurnBuilder t, FlowRow row) => Decline(t, row);

    private static void RecordStep(TurnBuilder t, FlowRow row)
    {
        var step = t.Said.Value ?? SmallSteps.Rest;
        t.History("small-step", step.StartsWith("step:", StringComparison.Ordinal) ? step[5..] : step);
        t.Effects.Add(new Effect.FollowUpStep());
        t.Say(step == SmallSteps.Rest ? ReplyKey.AffirmRest : ReplyKey.AffirmStep, step);
        t.SayRow(row);
    }

    private static void RecordOwnStep(TurnBuilder t, FlowRow row)
    {
        t.History("small-step", "own", t.Said.Text);
        t.Effects.Add(new Effect.FollowUpStep());
        t.Say(ReplyKey.AffirmOwnStep);
        t.SayRow(row);
    }

    private static void EnterSafety(TurnBuilder t, FlowRow row)
    {
        var c = t.Next;
        var level = t.Said.Intent == Intent.Sos
            ? RiskLevel.Explicit
            : Enum.TryParse<RiskLevel>(t.Said.Value, out var parsed) && parsed != RiskLevel.None ? parsed : RiskLevel.Explicit;
        var heldFrom = CheckInFlow.IsSafety(t.Before.Step) ? t.Before.HeldFrom : t.Before.Step;
        var serious = level >= RiskLevel.Indirect;
        t.Next = c with
        {
            Step = SafetyHold,
            HeldFrom = heldFrom,
            HeldFor = c.HeldFor is { } before && before > level && CheckInFlow.IsSafety(t.Before.Step) ? before : level,
            SafetyHeldAt = serious ? t.Now : c.SafetyHeldAt,
            SafetyThisCheckIn = c.SafetyThisCheckIn || serious,
            // The country question rides along with the crisis lines (not the light or direct checks), once.
            CountryAsked = c.CountryAsked || (!t.CountryKnown && level >= RiskLevel.Explicit),
        };
        t.History("safety", t.Said.Intent == Intent.Sos ? "sos" : level switch
        {
            RiskLevel.SoftCheck => "soft-check",
            RiskLevel.Indirect => "direct-check",
            RiskLevel.Imminent => "urgent",
            _ => "resources",
        });

        var lines = t.CountryKnown || c.CountryAsked ? ReplyKey.CrisisLines : ReplyKey.CrisisLinesAskCountry;
        ReplyKey[] say = level switch
        {
            RiskLevel.SoftCheck => [ReplyKey.SoftCheck],
            RiskLevel.Indirect => [ReplyKey.CheckDirectly],
            RiskLevel.Imminent => [ReplyKey.CrisisUrgent, lines, ReplyKey.StillHere],
            _ => [t.Said.Intent == Intent.Sos ? ReplyKey.SosCare : ReplyKey.CrisisCare, lines, ReplyKey.AskSafe],
        };
        foreach (var key in say)
        {
            t.Say(key);
        }
    }

    private static void StayWithThem(TurnBuilder t, FlowRow row)
    {
        t.History("safety", "not-safe");
        t.SayRow(row);
    }

    private static void StartSafetyGrounding(TurnBuilder t, FlowRow row)
    {
        t.Next = t.Next with { Exercise = GroundingExercise.BreathingNoHold, Beat = 1 };
        t.Say(GroundingScripts.Beats[GroundingExercise.BreathingNoHold][0]);
    }

    private static void FalseAlarm(TurnBuilder t, FlowRow row)
    {
        var c = t.Next;
        t.History("safety", "false-alarm");
        if (c.HeldFor == RiskLevel.SoftCheck && c.HeldFrom is { } from && CheckInFlow.IsCheckIn(from))
        {
            // A light check that missed: back to exactly where they were.
            t.Next = c with { Step = from, HeldFrom = null, HeldFor = null };
            t.Say(ReplyKey.FalseAlarm);
            SayPromptAgain(t, t.Next, ReplyKey.FalseAlarm);
            return;
        }

        t.Next = c with { Step = Closed, HeldFrom = null, HeldFor = null };
        t.Say(ReplyKey.FalseAlarmOffer);
    }

    private static void Pause(TurnBuilder t, FlowRow row)
    {
        t.Next = t.Next with { CheckInsPaused = true };
        t.Effects.Add(new Effect.PauseCheckIns());
        t.SayRow(row);
    }

    private static void Resume(TurnBuilder t, FlowRow row)
    {
        t.Next = t.Next with { CheckInsPaused = false, Step = t.Next.Step == Paused ? Idle : t.Next.Step };
        t.Effects.Add(new Effect.ResumeCheckIns());
        t.SayRow(row);
    }
}
