using Bot.Core.History;
using Bot.Core.Replies;
using Bot.Core.Safety;
using static Bot.Core.Conversations.CheckInStep;

namespace Bot.Core.Conversations;

/// <summary>The pure heart of the bot: reads <see cref="CheckInFlow.Table"/>. No I/O, no clock, no logging. Same input, same turn.</summary>
public static class CheckInEngine
{
    public const string DefaultTimeZone = "UTC";

    public const string DefaultCheckInTime = "19:00";

    /// <summary>Someone returning after this long is welcomed back (never told how long it was).</summary>
    public static readonly TimeSpan WelcomeBackAfter = TimeSpan.FromDays(7);

    /// <summary>Safety mode holds scheduled check-ins for a day, unless the person chooses to go on.</summary>
    public static readonly TimeSpan SafetyRest = TimeSpan.FromDays(1);

    /// <summary>A check-in left open this long is stale; the next scheduled one starts fresh.</summary>
    public static readonly TimeSpan StaleCheckIn = TimeSpan.FromHours(12);

    public static Turn Advance(Conversation conversation, Signal signal, DateTimeOffset now, bool countryKnown = false) => signal switch
    {
        Signal.CheckInDue => OnCheckInDue(conversation, now),
        Signal.ReplyTimedOut => OnReplyTimedOut(conversation),
        Signal.UserSaid said => OnUserSaid(conversation with { LastInboundAt = now }, said, now, countryKnown),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Unknown signal."),
    };

    private static Turn OnCheckInDue(Conversation c, DateTimeOffset now)
    {
        if (!c.Introduced || c.CheckInsPaused || c.Step == Paused || CheckInFlow.IsFirstContact(c.Step))
        {
            return new Turn(c, [], []);
        }

        if (c.SafetyHeldAt is { } held)
        {
            // After safety mode, scheduled check-ins wait a day, then open gently (content guide §5.2, Template G).
            return now - held >= SafetyRest
                ? OpenCheckIn(c, now, ReplyKey.OpenerAfterHardDay)
                : new Turn(c, [], []);
        }

        if (CheckInFlow.IsCheckIn(c.Step) && now - (c.LastInboundAt ?? c.StartedAt ?? now) < StaleCheckIn)
        {
            return new Turn(c, [], []);
        }

        return OpenCheckIn(c, now, null);
    }

    private static Turn OnReplyTimedOut(Conversation c) =>
        CheckInFlow.IsCheckIn(c.Step)
            ? new Turn(c with { Step = Closed, Attempts = 0 }, [], [])
            : new Turn(c, [], []);

    private static Turn OnUserSaid(Conversation c, Signal.UserSaid said, DateTimeOffset now, bool countryKnown)
    {
        // A crisis response is never interrupted by the introduction: "I'm safe for now" is an answer, not a hello.
        if (!c.Introduced && !CheckInFlow.IsSafety(c.Step) && said.Intent is not (Intent.Crisis or Intent.Sos or Intent.Stop or Intent.Help))
        {
            if (said.Intent == Intent.CheckIn)
            {
                // Rule 2: someone whose first word is /checkin gets one right away, after hearing what this is.
                var first = OpenCheckIn(c with { Introduced = true }, now, null);
                return new Turn(first.Next, [new Utterance(ReplyKey.Welcome), .. first.Say], []);
            }

            said = said with { Intent = Intent.Start };
        }

        var row = CheckInFlow.Table.Find(null, said.Intent) ?? CheckInFlow.Table.Find(c.Step, said.Intent);
        if (row is null)
        {
            return Unclear(c);
        }

        var turn = new TurnBuilder(c with { Attempts = 0 }, said, now, countryKnown);

        if (HeardResistance(said, c.Step) is { } kind && row.Act != FlowAction.AdaptGrounding)
        {
            turn.Next = turn.Next with { Resistance = kind };
            turn.Say(ValidationFor(kind), SelfLabelOf(said.Value));
        }

        if (IsDecline(row.Act) && CheckInFlow.IsCheckIn(c.Step) && c.Declines >= 1)
        {
            // Rule 4: the second decline closes warmly; there is never a third offer.
            RecordNotToday(turn);
            turn.Next = turn.Next with { Step = Closed, Declines = c.Declines + 1 };
            turn.Say(ReplyKey.CloseWarmly);
            AskConsentAfterFirstCheckIn(turn);
            return turn.Build();
        }

        if (row.To is { } to)
        {
            turn.Next = turn.Next with { Step = to };
        }

        Act(turn, row);
        AskConsentAfterFirstCheckIn(turn);
        return turn.Build();
    }

    /// <summary>Rule 2, second half: a first check-in the person started ends by asking about scheduled ones, once.</summary>
    private static void AskConsentAfterFirstCheckIn(TurnBuilder t)
    {
        if (t.Next.Step == Closed && !t.Next.ConsentAsked && CheckInFlow.IsCheckIn(t.Before.Step))
        {
            t.Next = t.Next with { Step = AskingConsent, ConsentAsked = true };
            t.Say(ReplyKey.AskConsent);
        }
    }

    private static void Act(TurnBuilder t, FlowRow row)
    {
        var c = t.Next;
        var said = t.Said;
        switch (row.Act)
        {
            case FlowAction.Speak:
                if (said.Intent == Intent.Help)
                {
                    // /help says plainly what this is (a bot, not a person, not therapy), so it counts as the introduction.
                    t.Next = c with { Introduced = true };
                }

                t.SayRow(row);
                break;

            case FlowAction.Introduce:
                t.Next = c with { Introduced = true, ConsentAsked = true };
                t.SayRow(row);
                break;

            case FlowAction.Consent:
                t.Next = c with { CheckInsPaused = false, CheckInTime = c.CheckInTime ?? DefaultCheckInTime };
                t.Effects.Add(new Effect.SetCheckIns(true, TimeOnly.Parse(c.CheckInTime ?? DefaultCheckInTime, System.Globalization.CultureInfo.InvariantCulture)));
                t.Effects.Add(new Effect.ResumeCheckIns());
                t.SayRow(row);
                break;

            case FlowAction.DeclineConsent:
                t.Effects.Add(new Effect.SetCheckIns(false, null));
                t.SayRow(row);
                break;

            case FlowAction.SetTimeZone:
            case FlowAction.DefaultTimeZone:
                var zone = row.Act == FlowAction.SetTimeZone ? said.Value ?? DefaultTimeZone : DefaultTimeZone;
                t.Effects.Add(new Effect.SetTimeZone(zone));
                t.SayRow(row, zone);
                break;

            case FlowAction.SetTime:
            case FlowAction.DefaultTime:
                var time = row.Act == FlowAction.SetTime ? said.Value ?? DefaultCheckInTime : DefaultCheckInTime;
                t.Next = c with { CheckInTime = time, CountryAsked = true };
                t.Effects.Add(new Effect.SetCheckIns(true, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));
                t.SayRow(row, time);
                break;

            case FlowAction.SetCountry:
                if (said.Value is { } country)
                {
                    t.Effects.Add(new Effect.SetCountry(country));
                }

                t.Next = c with { CountryAsked = true };
                t.SayRow(row);
                break;

            case FlowAction.Open:
                var opened = OpenCheckIn(c, t.Now, null);
                t.Next = opened.Next;
                t.Utterances.AddRange(opened.Say);
                break;

            case FlowAction.Acknowledge:
                Acknowledge(t);
                t.SayRow(row);
                break;

            case FlowAction.Decline:
                t.Next = c with { Declines = c.Declines + 1 };
                RecordNotToday(t);
                t.SayRow(row);
                break;

            case FlowAction.OneBreath:
                t.History("grounding", "one-breath");
                t.SayRow(row);
                break;

            case FlowAction.StartGrounding:
                StartExercise(t, c.Exercise != GroundingExercise.None ? c.Exercise : GroundingScripts.Choose(c));
                break;

            case FlowAction.SwitchGrounding:
                t.Next = c with { Tried = c.Exercise == GroundingExercise.None || c.Tried.Contains(c.Exercise) ? c.Tried : [.. c.Tried, c.Exercise] };
                StartExercise(t, GroundingScripts.Choose(t.Next));
                break;

            case FlowAction.NextBeat:
            case FlowAction.NextSafetyBeat:
                NextBeat(t, row.Act == FlowAction.NextSafetyBeat);
                break;

            case FlowAction.FinishGrounding:
                t.History("grounding", GroundingScripts.Code(c.Exercise));
                t.SayRow(row);
                break;

            case FlowAction.SkipGrounding:
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
                break;

            case FlowAction.AdaptGrounding:
                AdaptGrounding(t);
                break;

            case FlowAction.NameFeeling:
                var feeling = said.Value ?? said.Text ?? "feel:something-else";
                t.History("feeling", feeling.StartsWith("feel:", StringComparison.Ordinal) ? feeling[5..] : "own-word");
                t.History("grounding", GroundingScripts.Code(GroundingExercise.Naming));
                t.Say(ReplyKey.NamedFeeling, feeling);
                t.SayRow(row);
                break;

            case FlowAction.OfferSteps:
                t.SayRow(row);
                OfferSteps(t);
                break;

            case FlowAction.DeclineSteps:
                t.Next = c with { Declines = c.Declines + 1 };
                RecordNotToday(t);
                t.SayRow(row);
                break;

            case FlowAction.RecordStep:
                var step = said.Value ?? SmallSteps.Rest;
                t.History("small-step", step.StartsWith("step:", StringComparison.Ordinal) ? step[5..] : step);
                t.Say(step == SmallSteps.Rest ? ReplyKey.AffirmRest : ReplyKey.AffirmStep, step);
                t.SayRow(row);
                break;

            case FlowAction.RecordOwnStep:
                t.History("small-step", "own", said.Text);
                t.Say(ReplyKey.AffirmOwnStep);
                t.SayRow(row);
                break;

            case FlowAction.EnterSafety:
                EnterSafety(t);
                break;

            case FlowAction.StayWithThem:
                t.History("safety", "not-safe");
                t.SayRow(row);
                break;

            case FlowAction.SafetyCountry:
                if (said.Value is { } code)
                {
                    t.Effects.Add(new Effect.SetCountry(code));
                }

                t.Next = c with { CountryAsked = true };
                t.SayRow(row);
                break;

            case FlowAction.StartSafetyGrounding:
                t.Next = c with { Exercise = GroundingExercise.BreathingNoHold, Beat = 1 };
                t.Say(GroundingScripts.Beats[GroundingExercise.BreathingNoHold][0]);
                break;

            case FlowAction.EndSafetyGrounding:
                t.History("grounding", GroundingScripts.Code(c.Exercise));
                t.SayRow(row);
                break;

            case FlowAction.FalseAlarm:
                FalseAlarm(t);
                break;

            case FlowAction.Pause:
                t.Next = c with { CheckInsPaused = true };
                t.Effects.Add(new Effect.PauseCheckIns());
                t.SayRow(row);
                break;

            case FlowAction.Resume:
                t.Next = c with { CheckInsPaused = false, Step = c.Step == Paused ? Idle : c.Step };
                t.Effects.Add(new Effect.ResumeCheckIns());
                t.SayRow(row);
                break;

            default:
                throw new InvalidOperationException($"Flow action {row.Act} has no meaning in the engine.");
        }
    }

    private static Turn OpenCheckIn(Conversation c, DateTimeOffset now, ReplyKey? opener)
    {
        var key = opener
            ?? (c.LastCheckInAt is { } last && now - last >= WelcomeBackAfter ? ReplyKey.OpenerWelcomeBack : ReplyKey.Opener);
        var next = c with
        {
            Step = Opened,
            Attempts = 0,
            Declines = 0,
            Mood = null,
            Resistance = null,
            Exercise = GroundingExercise.None,
            Beat = 0,
            Tried = [],
            OfferedSteps = [],
            SafetyThisCheckIn = false,
            HeldFrom = null,
            HeldFor = null,
            SafetyHeldAt = null,
            StartedAt = now,
            LastCheckInAt = now,
            CheckInCount = c.CheckInCount + 1,
        };
        return new Turn(next, [new Utterance(key)], []);
    }

    private static void Acknowledge(TurnBuilder t)
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
            return;
        }

        // Doubt about the exercise or the bot says nothing about how the person is, so it is not filed as their mood.
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

    private static void NextBeat(TurnBuilder t, bool safety)
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
        if (safety)
        {
            t.Next = c with { Step = SafetyHold };
            t.Say(ReplyKey.AfterSafetyGrounding);
        }
        else
        {
            t.Next = c with { Step = Noticing };
            t.Say(ReplyKey.AskShift);
        }
    }

    private static void AdaptGrounding(TurnBuilder t)
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

    private static void EnterSafety(TurnBuilder t)
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

        switch (level)
        {
            case RiskLevel.SoftCheck:
                t.Say(ReplyKey.SoftCheck);
                break;
            case RiskLevel.Indirect:
                t.Say(ReplyKey.CheckDirectly);
                break;
            case RiskLevel.Imminent:
                t.Say(ReplyKey.CrisisUrgent);
                t.Say(t.CountryKnown || c.CountryAsked ? ReplyKey.CrisisLines : ReplyKey.CrisisLinesAskCountry);
                t.Say(ReplyKey.StillHere);
                break;
            default:
                t.Say(t.Said.Intent == Intent.Sos ? ReplyKey.SosCare : ReplyKey.CrisisCare);
                t.Say(t.CountryKnown || c.CountryAsked ? ReplyKey.CrisisLines : ReplyKey.CrisisLinesAskCountry);
                t.Say(ReplyKey.AskSafe);
                break;
        }
    }

    private static void FalseAlarm(TurnBuilder t)
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

    private static Turn Unclear(Conversation c)
    {
        var t = new TurnBuilder(c, new Signal.UserSaid(Intent.Unclear), default, countryKnown: false);
        switch (c.Step)
        {
            case Idle or Closed:
                t.Say(ReplyKey.IdleHint);
                break;
            case Paused:
                t.Say(ReplyKey.PausedHint);
                break;
            case SafetyHold or SafetyGrounding:
                t.Next = c with { Step = SafetyHold };
                t.Say(ReplyKey.StillHere);
                break;
            default:
                if (c.Attempts == 0)
                {
                    t.Next = c with { Attempts = 1 };
                    SayPromptAgain(t, c, ReplyKey.ReAsk);
                }
                else
                {
                    t.Next = c with { Step = CheckInFlow.IsFirstContact(c.Step) ? Idle : Closed, Attempts = 0 };
                    t.Say(ReplyKey.GentleClose);
                }

                break;
        }

        return t.Build();
    }

    /// <summary>Says the step's question again: as a re-ask (with the same buttons), or after a false alarm.</summary>
    private static void SayPromptAgain(TurnBuilder t, Conversation c, ReplyKey lead)
    {
        if (c.Step is Grounding or SafetyGrounding)
        {
            var beats = GroundingScripts.Beats[c.Exercise == GroundingExercise.None ? GroundingExercise.Breathing : c.Exercise];
            var beat = beats[Math.Clamp(c.Beat - 1, 0, beats.Length - 1)];
            if (lead == ReplyKey.ReAsk)
            {
                t.Utterances.Add(new Utterance(ReplyKey.ReAsk, ChoicesOf: beat));
            }
            else
            {
                t.Say(beat);
            }

            return;
        }

        var prompt = CheckInFlow.Prompts.GetValueOrDefault(c.Step, ReplyKey.Opener);
        IReadOnlyList<string>? dynamic = c.Step == ChoosingStep ? SmallSteps.Buttons(c.OfferedSteps) : null;
        if (lead == ReplyKey.ReAsk)
        {
            t.Utterances.Add(dynamic is null ? new Utterance(ReplyKey.ReAsk, ChoicesOf: prompt) : new Utterance(ReplyKey.ReAsk, Choices: dynamic));
        }
        else
        {
            t.Utterances.Add(new Utterance(prompt, Choices: dynamic));
        }
    }

    private static void RecordNotToday(TurnBuilder t)
    {
        if (t.Said.Intent is Intent.NotToday or Intent.No)
        {
            t.History("not-today", StepCode(t.Before.Step));
        }
    }

    private static string StepCode(CheckInStep step) => step switch
    {
        Opened or OfferingTiny => "opener",
        OfferingGrounding or Grounding => "grounding",
        _ => "small-step",
    };

    private static bool IsAboutTheCheckIn(ResistanceKind kind) =>
        kind is ResistanceKind.Sceptical or ResistanceKind.AtTheBot or ResistanceKind.Unwilling;

    private static bool IsDecline(FlowAction act) =>
        act is FlowAction.Decline or FlowAction.SkipGrounding or FlowAction.DeclineSteps;

    /// <summary>Rule 3: resistance outside safety mode, or a "not today" in a check-in that was heard as unwillingness.</summary>
    private static ResistanceKind? HeardResistance(Signal.UserSaid said, CheckInStep step) => said.Intent switch
    {
        _ when CheckInFlow.IsSafety(step) => null,
        Intent.Resistance => ParseResistance(said.Value),
        Intent.NotToday when CheckInFlow.IsCheckIn(step) && Enum.TryParse<ResistanceKind>(said.Value, out var kind) => kind,
        _ => null,
    };

    private static ResistanceKind ParseResistance(string? value)
    {
        var name = value is null ? null : value.Split(':', 2)[0];
        return Enum.TryParse<ResistanceKind>(name, ignoreCase: true, out var kind) ? kind : ResistanceKind.Overwhelmed;
    }

    /// <summary>For self-labels the value is "SelfLabel:lazy"; the reframe quotes the label (from our list, never raw text).</summary>
    private static string? SelfLabelOf(string? value) =>
        value is not null && value.StartsWith("SelfLabel:", StringComparison.Ordinal) ? value[10..] : null;

    public static ReplyKey ValidationFor(ResistanceKind kind) => kind switch
    {
        ResistanceKind.Unworthy => ReplyKey.ValidateUnworthy,
        ResistanceKind.Guilt => ReplyKey.ValidateGuilt,
        ResistanceKind.Awkward => ReplyKey.ValidateAwkward,
        ResistanceKind.Numb => ReplyKey.ValidateNumb,
        ResistanceKind.Sceptical => ReplyKey.ValidateSceptical,
        ResistanceKind.SelfLabel => ReplyKey.ReframeSelfLabel,
        ResistanceKind.Overwhelmed => ReplyKey.ValidateOverwhelmed,
        ResistanceKind.FearOfSoftness => ReplyKey.ValidateFearOfSoftness,
        ResistanceKind.Critic => ReplyKey.ValidateCritic,
        ResistanceKind.FearOfFeeling => ReplyKey.ValidateFearOfFeeling,
        ResistanceKind.BodyResists => ReplyKey.ValidateBodyResists,
        ResistanceKind.Alone => ReplyKey.ValidateAlone,
        ResistanceKind.Selfish => ReplyKey.ValidateSelfish,
        ResistanceKind.AtTheBot => ReplyKey.ValidateAtTheBot,
        ResistanceKind.Unwilling => ReplyKey.ValidateUnwilling,
        _ => ReplyKey.ValidateOverwhelmed,
    };
}
