using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.SafetyPlan;

/// <summary>
/// What surrounds the engine's crisis response: once the human routes are shown, the person's own safety plan is
/// offered (when they have one); check-ins rest for a day; and when the crisis response ends, the bot asks whether it
/// may check on them tomorrow. Writing a plan is offered only afterwards, never during the crisis itself.
/// </summary>
public sealed class CrisisCare(ISafetyPlanStore plans, SafetyPlanCopy copy)
{
    public static readonly TimeSpan PauseAfterCrisis = TimeSpan.FromHours(24);

    public async Task<TurnDecision> AfterEngineAsync(TurnContext context, TurnDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = context.Conversation;
        var next = decision.Conversation;
        var outbox = decision.Outbox.ToList();

        if (!CheckInFlow.IsSafety(before.Step) && CheckInFlow.IsSafety(next.Step))
        {
            // A new crisis response: a fresh follow-up question, and no pending follow-up from an older one.
            next = next with { SafetyFollowUpAsked = false };
        }

        var pauseUntil = next.SafetyHeldAt is { } held && held == now ? held + PauseAfterCrisis
            // The person chose to go on (a check-in opened): the rest ends with the hold.
            : before.SafetyHeldAt is not null && next.SafetyHeldAt is null ? now
            : (DateTimeOffset?)null;

        if (ShowedHumanRoutes(decision) && outbox.Count > 0
            && await plans.FindAsync(context.Person.Id, cancellationToken) is { IsEmpty: false })
        {
            // After the routes, before the closing question, so one question stays the last thing said.
            outbox.Insert(outbox.Count - 1, new OutboundMessage(context.Chat, copy.Text("crisisOffer"), copy.Choices("plan:open")));
        }

        if (CheckInFlow.IsSafety(before.Step) && next.Step == CheckInStep.Closed
            && next.SafetyHeldAt is not null && !next.SafetyFollowUpAsked && !WasFalseAlarm(decision))
        {
            outbox.Add(new OutboundMessage(context.Chat, copy.Text("followUpAsk"), copy.Choices("followup:yes", "followup:no")));
            next = next with { Step = CheckInStep.SafetyAskingFollowUp, SafetyFollowUpAsked = true };
        }

        return decision with { Conversation = next, Outbox = outbox, SafetyPauseUntil = decision.SafetyPauseUntil ?? pauseUntil };
    }

    private static bool ShowedHumanRoutes(TurnDecision decision) =>
        decision.History.Any(h => h.Kind == "safety" && h.Value is "resources" or "urgent" or "sos" or "not-safe");

    private static bool WasFalseAlarm(TurnDecision decision) =>
        decision.History.Any(h => h.Kind == "safety" && h.Value == "false-alarm");
}
