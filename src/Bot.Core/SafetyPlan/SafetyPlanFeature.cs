using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.SafetyPlan;

/// <summary>
/// /safetyplan: writes a personal safety plan with the person, part by part, at their pace (every part skippable,
/// stop any time, saved as they go), and shows, changes or deletes it whenever they ask.
/// </summary>
public sealed class SafetyPlanFeature(ISafetyPlanStore store, SafetyPlanCopy copy) : ICommandFeature, IPrivateFeature
{
    public const string Command = "safetyplan";
    private const int PartCount = 6;

    /// <summary>Whatever it was asked in a shared channel (the plan, a part of it, a button), it answers in private.</summary>
    public bool AnswersPrivately(CommandInput input) => true;

    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var plan = await store.FindAsync(context.Person.Id, cancellationToken);
        var turn = new Reply(context, now);

        if (input.Name == Command)
        {
            var words = input.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var verb = words.Length > 0 ? words[0].ToLowerInvariant() : "";
            var part = words.Length > 1 && int.TryParse(words[1], out var n) && n is >= 1 and <= PartCount ? n : (int?)null;
            return verb switch
            {
                "edit" or "change" when part is { } one => AskPart(turn, one, editOnly: true),
                "edit" or "change" => PickPart(turn, plan),
                "delete" or "remove" => ConfirmDelete(turn, plan),
                "new" or "start" or "again" => StartWalk(turn),
                _ => plan is null || plan.IsEmpty ? StartWalk(turn) : View(turn, plan),
            };
        }

        if (input.ChoiceId is { } choice)
        {
            return OnChoice(turn, plan, choice);
        }

        // Typed words that mean a button: "skip" skips this part, "stop" ends the walk. Nothing else is guessed.
        var typed = Safety.TextNormalizer.Normalize(input.Text ?? "").Trim();
        if (typed is "skip" or "skip it" or "skip this" or "pass" or "next")
        {
            return OnChoice(turn, plan, "plan:skip");
        }

        if (typed is "stop" or "stop for now" or "cancel" or "later" or "not now" or "enough" or "done" or "im done")
        {
            return OnChoice(turn, plan, "plan:stop");
        }

        return OnAnswer(turn, plan ?? PersonalSafetyPlan.Empty, input.Text ?? "");
    }

    private TurnDecision OnChoice(Reply turn, PersonalSafetyPlan? plan, string choice)
    {
        var c = turn.Context.Conversation;
        var writing = c.Step == CheckInStep.SafetyPlanning && c.SafetyPlanPart is not null;
        if (!choice.StartsWith("plan:", StringComparison.Ordinal))
        {
            // A button from an earlier message, pressed mid-walk: leave the walk gently, keeping what was written.
            turn.Say(copy.Text("stopped"));
            return turn.Build(LeaveWalk(c));
        }

        switch (choice)
        {
            case "plan:skip" when writing:
                turn.History("skipped-" + c.SafetyPlanPart);
                return Next(turn, plan ?? PersonalSafetyPlan.Empty, c.SafetyPlanPart!.Value, c.SafetyPlanEditOnly);

            case "plan:keep" when writing && c.SafetyPlanPart == (int)SafetyPlanPart.Professionals:
                var kept = (plan ?? PersonalSafetyPlan.Empty).With(SafetyPlanPart.Professionals, copy.ProfessionalLines(turn.Context.Person));
                turn.Write(new SaveSafetyPlan(kept));
                turn.History("saved-5");
                return Next(turn, kept, c.SafetyPlanPart.Value, c.SafetyPlanEditOnly);

            case "plan:stop":
                turn.Say(copy.Text("stopped"));
                turn.History("stopped");
                return turn.Build(LeaveWalk(c));

            case "plan:open" or "plan:view":
                return plan is null || plan.IsEmpty ? StartWalkUnlessInCrisis(turn) : View(turn, plan);

            case "plan:edit":
                return PickPart(turn, plan);

            case "plan:delete":
                return ConfirmDelete(turn, plan);

            case "plan:delete-yes":
                var deleted = plan is not null;
                turn.Say(copy.Text(deleted ? "deleted" : "nothingToDelete"));
                if (deleted)
                {
                    turn.Write(new DeleteSafetyPlan());
                    turn.History("deleted");
                }

                return turn.Build(LeaveWalk(c));

            case "plan:delete-no":
                turn.Say(copy.Text("kept"));
                return turn.Build(c);

            case "plan:later":
                turn.Say(copy.Text("later"));
                return turn.Build(c);

            case "plan:start":
                return StartWalk(turn);

            default:
                if (choice.StartsWith("plan:part:", StringComparison.Ordinal)
                    && int.TryParse(choice.AsSpan("plan:part:".Length), out var part) && part is >= 1 and <= PartCount)
                {
                    return AskPart(turn, part, editOnly: true);
                }

                // A button from an older message: show where things stand rather than guess.
                return plan is null || plan.IsEmpty ? StartWalkUnlessInCrisis(turn) : View(turn, plan);
        }
    }

    private TurnDecision OnAnswer(Reply turn, PersonalSafetyPlan plan, string text)
    {
        var c = turn.Context.Conversation;
        var number = c.SafetyPlanPart ?? 1;
        var part = (SafetyPlanPart)number;
        var lines = Lines(text);
        if (lines.Count == 0)
        {
            turn.Say(copy.Text("answerHint"), Buttons(number));
            return turn.Build(c);
        }

        if (part == SafetyPlanPart.Professionals && !c.SafetyPlanEditOnly)
        {
            // Walking: what they add comes on top of the lines for their country. Editing: their words replace the part.
            lines = [.. copy.ProfessionalLines(turn.Context.Person), .. lines];
        }

        var updated = plan.With(part, lines);
        turn.Write(new SaveSafetyPlan(updated));
        turn.History("saved-" + number);
        return Next(turn, updated, number, c.SafetyPlanEditOnly);
    }

    private TurnDecision Next(Reply turn, PersonalSafetyPlan plan, int answered, bool editOnly)
    {
        var c = turn.Context.Conversation;
        if (editOnly)
        {
            turn.Say(copy.Text("savedPart"));
            return View(turn, plan, LeaveWalk(c));
        }

        if (answered >= PartCount)
        {
            turn.Say(copy.Text("done"));
            turn.History("done");
            return View(turn, plan, LeaveWalk(c));
        }

        return AskPart(turn, answered + 1, editOnly: false);
    }

    private TurnDecision StartWalkUnlessInCrisis(Reply turn)
    {
        if (CheckInFlow.IsSafety(turn.Context.Conversation.Step))
        {
            // Never start writing a plan in the middle of a crisis: that is for a calmer day.
            turn.Say(copy.Text("buildLater"));
            return turn.Build(turn.Context.Conversation);
        }

        return StartWalk(turn);
    }

    private TurnDecision StartWalk(Reply turn)
    {
        turn.Say(copy.Text("intro"));
        turn.History("started");
        return AskPart(turn, 1, editOnly: false);
    }

    private TurnDecision AskPart(Reply turn, int number, bool editOnly)
    {
        turn.Say(copy.Text("part" + number, turn.Context.Person), Buttons(number));
        return turn.Build(turn.Context.Conversation with
        {
            Step = CheckInStep.SafetyPlanning,
            SafetyPlanPart = number,
            SafetyPlanEditOnly = editOnly,
            Attempts = 0,
        });
    }

    private TurnDecision PickPart(Reply turn, PersonalSafetyPlan? plan)
    {
        if (plan is null || plan.IsEmpty)
        {
            return StartWalk(turn);
        }

        turn.Say(copy.Text("pickPart"), copy.Choices([.. Enumerable.Range(1, PartCount).Select(i => "plan:part:" + i)]));
        return turn.Build(LeaveWalk(turn.Context.Conversation));
    }

    private TurnDecision ConfirmDelete(Reply turn, PersonalSafetyPlan? plan)
    {
        if (plan is null)
        {
            turn.Say(copy.Text("nothingToDelete"));
            return turn.Build(LeaveWalk(turn.Context.Conversation));
        }

        turn.Say(copy.Text("confirmDelete"), copy.Choices("plan:delete-yes", "plan:delete-no"));
        return turn.Build(LeaveWalk(turn.Context.Conversation));
    }

    private TurnDecision View(Reply turn, PersonalSafetyPlan plan, Conversation? next = null)
    {
        turn.Say(copy.Render(plan), copy.Choices("plan:edit", "plan:delete"), personal: true);
        var c = next ?? turn.Context.Conversation;
        return turn.Build(c.Step == CheckInStep.SafetyPlanning ? LeaveWalk(c) : c);
    }

    private IReadOnlyList<ReplyChoice> Buttons(int number) =>
        number == (int)SafetyPlanPart.Professionals
            ? copy.Choices("plan:keep", "plan:skip", "plan:stop")
            : copy.Choices("plan:skip", "plan:stop");

    private static Conversation LeaveWalk(Conversation c) => c with
    {
        Step = c.Step == CheckInStep.SafetyPlanning ? CheckInStep.Idle : c.Step,
        SafetyPlanPart = null,
        SafetyPlanEditOnly = false,
    };

    /// <summary>One entry per line (or per ";"), trimmed, empty ones dropped, each kept to a sensible length.</summary>
    internal static IReadOnlyList<string> Lines(string text) =>
        text.Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Length > 300 ? line[..300] : line)
            .Take(12)
            .ToArray();

    /// <summary>Builds a feature turn: messages to the person's chat, history codes (never their words).</summary>
    private sealed class Reply(TurnContext context, DateTimeOffset now)
    {
        private readonly List<OutboundMessage> _outbox = [];
        private readonly List<HistoryEntry> _history = [];
        private readonly List<TurnWrite> _writes = [];

        public TurnContext Context { get; } = context;

        public void Say(string text, IReadOnlyList<ReplyChoice>? choices = null, bool personal = false) =>
            _outbox.Add(new OutboundMessage(Context.Chat, text, choices ?? []) { Personal = personal });

        public void History(string value) => _history.Add(new HistoryEntry("safety-plan", value, null, now));

        public void Write(TurnWrite write) => _writes.Add(write);

        public TurnDecision Build(Conversation next) =>
            new(Context.Person, next, Context.Replies, _history, _outbox, DeliveryLane.Reply, ScheduleChange.None) { Writes = [.. _writes] };
    }
}
