using Bot.Core.Replies;
using static Bot.Core.Conversations.CheckInStep;

namespace Bot.Core.Conversations;

/// <summary>
/// The pure heart of the bot: reads <see cref="CheckInFlow.Table"/>, the rules around it (<see cref="FlowRules"/>) and the
/// actions its rows name (<see cref="Actions"/>). No I/O, no clock, no logging. Same input, same turn.
/// </summary>
public static partial class CheckInEngine
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

    /// <summary>Rule 6, a check-in comes due.</summary>
    private static Turn OnCheckInDue(Conversation c, DateTimeOffset now)
    {
        var rule = FlowRules.Timers;
        if (TimerRule.Waits(c))
        {
            return new Turn(c, [], []);
        }

        if (c.SafetyHeldAt is { } held)
        {
            // After safety mode, scheduled check-ins wait, then open gently (content guide §5.2, Template G).
            return now - held >= rule.SafetyRest
                ? OpenCheckIn(c, now, rule.AfterHardDay)
                : new Turn(c, [], []);
        }

        return rule.Fresh(c, now) ? new Turn(c, [], []) : OpenCheckIn(c, now, null);
    }

    /// <summary>Rule 6, a reply never came.</summary>
    private static Turn OnReplyTimedOut(Conversation c) =>
        CheckInFlow.IsCheckIn(c.Step)
            ? new Turn(c with { Step = Closed, Attempts = 0 }, [], [])
            : new Turn(c, [], []);

    private static Turn OnUserSaid(Conversation c, Signal.UserSaid said, DateTimeOffset now, bool countryKnown)
    {
        var introduction = FlowRules.Introduction;
        if (introduction.Delays(c, said.Intent))
        {
            if (said.Intent == introduction.OpensAtOnce)
            {
                var first = OpenCheckIn(c with { Introduced = true }, now, null);
                return new Turn(first.Next, [new Utterance(introduction.Welcome), .. first.Say], []);
            }

            said = said with { Intent = introduction.Otherwise };
        }

        var row = FlowRules.Interrupts.Find(c.Step, said.Intent);
        if (row is null)
        {
            return Unclear(c);
        }

        var turn = new TurnBuilder(c with { Attempts = 0 }, said, now, countryKnown);

        if (FlowRules.Resistance.Validates(c.Step, row) && HeardResistance(said, c.Step) is { } kind)
        {
            turn.Next = turn.Next with { Resistance = kind };
            turn.Say(ValidationFor(kind), SelfLabelOf(said.Value));
        }

        var declines = FlowRules.SecondDecline;
        if (declines.Applies(c.Step, row, c.Declines))
        {
            RecordNotToday(turn);
            turn.Next = turn.Next with { Step = declines.CloseTo, Declines = c.Declines + 1 };
            turn.Say(declines.Say);
            AskConsentAfterFirstCheckIn(turn);
            return turn.Build();
        }

        if (row.To is { } to)
        {
            turn.Next = turn.Next with { Step = to };
        }

        Actions.Run(turn, row);
        AskConsentAfterFirstCheckIn(turn);
        return turn.Build();
    }

    /// <summary>Rule 2, second half.</summary>
    private static void AskConsentAfterFirstCheckIn(TurnBuilder t)
    {
        if (FlowRules.Introduction.AsksConsent(t.Before, t.Next))
        {
            t.Next = t.Next with { Step = AskingConsent, ConsentAsked = true };
            t.Say(FlowRules.Introduction.AskConsent);
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

    /// <summary>Rule 5: no row for what was said.</summary>
    private static Turn Unclear(Conversation c)
    {
        var rule = FlowRules.NoRow;
        var t = new TurnBuilder(c, new Signal.UserSaid(Intent.Unclear), default, countryKnown: false);
        if (rule.Hints.TryGetValue(c.Step, out var hint))
        {
            t.Say(hint);
        }
        else if (CheckInFlow.IsSafety(c.Step))
        {
            t.Next = c with { Step = rule.SafetyStays };
            t.Say(rule.InSafety);
        }
        else if (c.Attempts < rule.ReAsks)
        {
            t.Next = c with { Attempts = c.Attempts + 1 };
            SayPromptAgain(t, c, ReplyKey.ReAsk);
        }
        else
        {
            t.Next = c with { Step = rule.ClosesTo(c.Step), Attempts = 0 };
            t.Say(rule.Close);
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

    /// <summary>Rule 3: resistance, or a "not today" in a check-in that was heard as unwillingness.</summary>
    private static ResistanceKind? HeardResistance(Signal.UserSaid said, CheckInStep step) => said.Intent switch
    {
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
