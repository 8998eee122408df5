using Bot.Core.Replies;
using static Bot.Core.Conversations.CheckInStep;

namespace Bot.Core.Conversations;

/// <param name="From">The step the move starts from; null for a conversation that has just begun.</param>
public sealed record RuleEdge(CheckInStep? From, CheckInStep To, string When);

/// <summary>One of the rules <see cref="CheckInEngine"/> applies around <see cref="CheckInFlow.Table"/>: what it says, what the engine reads from it, where it moves.</summary>
public abstract record FlowRule(int Number, string Name)
{
    /// <summary>The rule in one sentence, as the docs show it (built from the same values the engine reads).</summary>
    public abstract string Says { get; }

    /// <summary>The moves the rule makes that no row's "to" column shows.</summary>
    public virtual IEnumerable<RuleEdge> Edges() => [];
}

/// <summary>1. Crisis language is classified before anything else; a row from every step wins over the step's own rows.</summary>
public sealed record InterruptsRule() : FlowRule(1, "Interrupts first")
{
    public IReadOnlyList<Intent> Interrupts => [.. CheckInFlow.Table.Where(r => r.From is null).Select(r => r.On)];

    public override string Says =>
        $"Crisis language is classified before anything else; {Words.List(Interrupts)} win from every step (the \"any step\" rows).";

    public FlowRow? Find(CheckInStep step, Intent on) => CheckInFlow.Table.Find(null, on) ?? CheckInFlow.Table.Find(step, on);
}

/// <summary>2. A person not yet introduced hears what this is first.</summary>
public sealed record IntroductionRule(IReadOnlySet<Intent> NeverDelayed, Intent OpensAtOnce, Intent Otherwise, ReplyKey Welcome, ReplyKey AskConsent)
    : FlowRule(2, "Introduction first")
{
    public override string Says =>
        $"A person not yet introduced hears what this is first: {OpensAtOnce} opens a check-in right away, after {Welcome} "
        + $"(consent for scheduled ones is asked once it closes); anything else becomes {Otherwise}. {Words.List(NeverDelayed)} are never delayed, "
        + "nor is an answer in safety mode.";

    /// <summary>Delayed by the introduction: not yet introduced, not in safety mode, and not one of the words that never wait.</summary>
    public bool Delays(Conversation c, Intent on) => !c.Introduced && !CheckInFlow.IsSafety(c.Step) && !NeverDelayed.Contains(on);

    /// <summary>The second half: a first check-in the person started ends by asking about scheduled ones, once.</summary>
    public bool AsksConsent(Conversation before, Conversation next) =>
        next.Step == Closed && !next.ConsentAsked && CheckInFlow.IsCheckIn(before.Step);

    public override IEnumerable<RuleEdge> Edges() =>
    [
        new(null, Idle, "a new person"),
        new(Idle, Opened, $"first {OpensAtOnce} ({Welcome}, then the opener)"),
        .. CheckInFlow.Table.Where(r => r.From is { } from && CheckInFlow.IsCheckIn(from) && r.To == Closed).Select(r => r.From!.Value).Distinct()
            .Select(from => new RuleEdge(from, AskingConsent, "a first check-in closes (consent not asked yet)")),
    ];
}

/// <summary>3. Resistance is met first: its matched validation before the row's replies.</summary>
public sealed record ResistanceRule(FlowAction AdaptsItself) : FlowRule(3, "Resistance met first")
{
    public override string Says =>
        "Outside safety mode, the matched validation of what was heard is said before the row's replies "
        + $"({AdaptsItself} answers it itself). Unwillingness (\"can't be bothered\", \"maybe later\") comes as NotToday carrying its kind: "
        + "validated, then declined, never a mood.";

    public bool Validates(CheckInStep step, FlowRow row) => !CheckInFlow.IsSafety(step) && row.Act != AdaptsItself;
}

/// <summary>4. The second decline in one check-in closes warmly; there is never a third offer.</summary>
public sealed record SecondDeclineRule(IReadOnlySet<FlowAction> Declines, int Allowed, CheckInStep CloseTo, ReplyKey Say) : FlowRule(4, "Never a third offer")
{
    public override string Says =>
        $"Decline number {Allowed + 1} ({Words.List(Declines)}) in one check-in goes to {CloseTo} with {Say}. There is never a third offer.";

    public bool Applies(CheckInStep step, FlowRow row, int declinesSoFar) =>
        Declines.Contains(row.Act) && CheckInFlow.IsCheckIn(step) && declinesSoFar >= Allowed;

    public override IEnumerable<RuleEdge> Edges() =>
        CheckInFlow.Table.Where(r => r.From is { } from && CheckInFlow.IsCheckIn(from) && Declines.Contains(r.Act) && r.To != CloseTo)
            .Select(r => r.From!.Value).Distinct()
            .Select(from => new RuleEdge(from, CloseTo, "2nd decline"));
}

/// <summary>5. No row: a hint where nothing was asked, the question again once where something was, then a gentle close.</summary>
public sealed record NoRowRule(IReadOnlyDictionary<CheckInStep, ReplyKey> Hints, CheckInStep SafetyStays, ReplyKey InSafety, int ReAsks, ReplyKey Close)
    : FlowRule(5, "Unclear answers")
{
    public override string Says =>
        $"No row: re-ask {Words.Times(ReAsks)} (same buttons), then {Close} (to Idle in first contact, else Closed). "
        + $"{Words.List(Hints.Keys)} give a hint; safety mode stays in {SafetyStays} with {InSafety}.";

    public CheckInStep ClosesTo(CheckInStep step) => CheckInFlow.IsFirstContact(step) ? Idle : Closed;

    public override IEnumerable<RuleEdge> Edges() =>
        Enum.GetValues<CheckInStep>()
            .Where(s => !Hints.ContainsKey(s) && !CheckInFlow.IsFeatureOwned(s))
            .Select(s => CheckInFlow.IsSafety(s) ? new RuleEdge(s, SafetyStays, "unclear") : new RuleEdge(s, ClosesTo(s), $"unclear {Words.Times(ReAsks + 1)}"))
            .Where(e => e.From != e.To);
}

/// <summary>6. Timers: a check-in comes due, or a reply never came.</summary>
public sealed record TimerRule(TimeSpan SafetyRest, TimeSpan Stale, ReplyKey AfterHardDay) : FlowRule(6, "Timers")
{
    public override string Says =>
        $"CheckInDue opens a check-in (never before the introduction, in first contact or paused; not over one answered in the last "
        + $"{Stale.TotalHours:0} h; after a serious risk only {SafetyRest.TotalHours:0} h later, with {AfterHardDay}). ReplyTimedOut closes a check-in quietly.";

    /// <summary>No scheduled check-in at all for now.</summary>
    public static bool Waits(Conversation c) => !c.Introduced || c.CheckInsPaused || c.Step == Paused || CheckInFlow.IsFirstContact(c.Step);

    /// <summary>A check-in still going: answered within <see cref="Stale"/>.</summary>
    public bool Fresh(Conversation c, DateTimeOffset now) => CheckInFlow.IsCheckIn(c.Step) && now - (c.LastInboundAt ?? c.StartedAt ?? now) < Stale;

    public override IEnumerable<RuleEdge> Edges() =>
    [
        .. Enum.GetValues<CheckInStep>()
            .Where(s => s != Paused && !CheckInFlow.IsFirstContact(s) && !CheckInFlow.IsCheckIn(s) && !CheckInFlow.IsFeatureOwned(s))
            .Select(s => new RuleEdge(s, Opened, CheckInFlow.IsSafety(s) ? $"CheckInDue (only {SafetyRest.TotalHours:0} h after a serious risk)" : "CheckInDue")),
        .. Enum.GetValues<CheckInStep>().Where(CheckInFlow.IsCheckIn).Select(s => new RuleEdge(s, Closed, "ReplyTimedOut")),
    ];
}

/// <summary>The six rules, in order; the engine reads each, and the docs list them from here.</summary>
public static class FlowRules
{
    public static readonly InterruptsRule Interrupts = new();

    public static readonly IntroductionRule Introduction = new(
        new HashSet<Intent> { Intent.Crisis, Intent.Sos, Intent.Stop, Intent.Help }, Intent.CheckIn, Intent.Start, ReplyKey.Welcome, ReplyKey.AskConsent);

    public static readonly ResistanceRule Resistance = new(FlowAction.AdaptGrounding);

    public static readonly SecondDeclineRule SecondDecline = new(
        new HashSet<FlowAction> { FlowAction.Decline, FlowAction.SkipGrounding, FlowAction.DeclineSteps }, Allowed: 1, Closed, ReplyKey.CloseWarmly);

    public static readonly NoRowRule NoRow = new(
        new Dictionary<CheckInStep, ReplyKey> { [Idle] = ReplyKey.IdleHint, [Closed] = ReplyKey.IdleHint, [Paused] = ReplyKey.PausedHint },
        SafetyHold,
        ReplyKey.StillHere,
        ReAsks: 1,
        ReplyKey.GentleClose);

    public static readonly TimerRule Timers = new(CheckInEngine.SafetyRest, CheckInEngine.StaleCheckIn, ReplyKey.OpenerAfterHardDay);

    public static readonly IReadOnlyList<FlowRule> All = [Interrupts, Introduction, Resistance, SecondDecline, NoRow, Timers];
}

/// <summary>Lists for the rules' sentences: "A, B and C"; "once", "twice".</summary>
internal static class Words
{
    public static string List<T>(IEnumerable<T> items)
    {
        var all = items.Select(i => i?.ToString() ?? "").ToArray();
        return all.Length <= 1 ? string.Concat(all) : string.Join(", ", all[..^1]) + " and " + all[^1];
    }

    public static string Times(int n) => n switch { 1 => "once", 2 => "twice", _ => $"{n} times" };
}
