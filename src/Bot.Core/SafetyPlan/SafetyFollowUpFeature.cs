using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Safety;

namespace Bot.Core.SafetyPlan;

/// <summary>
/// The opt-in follow-up after a crisis response: the yes or no to "may I check on you tomorrow?", the follow-up itself
/// (delivered by the dispatcher through <see cref="PlanDue"/>), and its answer. "Worse" goes straight back to the
/// engine's direct check, which always carries a human route.
/// </summary>
public sealed class SafetyFollowUpFeature(ISafetyPlanStore plans, SafetyPlanCopy copy, TurnPlanner planner) : ICommandFeature
{
    public async Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answer = input.ChoiceId ?? Read(context.Conversation.Step, input.Text);
        var c = context.Conversation;
        var person = context.Person;
        var outbox = new List<OutboundMessage>();
        var history = new List<HistoryEntry>();
        SafetyFollowUpRequest? request = null;

        if (answer is "not-safe" or "risk:unsure")
        {
            // An "are you safe?" button pressed late still means what it says: straight to the crisis response.
            return planner.Plan(context, new Signal.UserSaid(Intent.Crisis, nameof(RiskLevel.Explicit)), now, DeliveryLane.Reply);
        }

        switch (answer)
        {
            case "followup:yes" when c.Step == CheckInStep.SafetyAskingFollowUp:
                var due = SafetyFollowUpTiming.DueAt(now, person.TimeZone, c.CheckInTime);
                var local = TimeZoneInfo.TryFindSystemTimeZoneById(person.TimeZone ?? "UTC", out var zone) ? TimeZoneInfo.ConvertTime(due, zone) : due;
                outbox.Add(Say(context, copy.Text("followUpAgreed", person, local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))));
                history.Add(new HistoryEntry("safety-followup", "agreed", null, now));
                request = new SafetyFollowUpRequest(due);
                c = c with { Step = CheckInStep.Closed, SafetyFollowUpAt = due };
                break;

            case "followup:no" when c.Step == CheckInStep.SafetyAskingFollowUp:
                outbox.Add(Say(context, copy.Text("followUpDeclined", person)));
                history.Add(new HistoryEntry("safety-followup", "declined", null, now));
                request = c.SafetyFollowUpAt is { } pending ? new SafetyFollowUpRequest(pending, Cancel: true) : null;
                c = c with { Step = CheckInStep.Closed, SafetyFollowUpAt = null };
                break;

            case "followup:worse":
                // Back to the direct check with resources; the follow-up is done either way.
                var check = planner.Plan(
                    context with { Conversation = c with { SafetyFollowUpAt = null } },
                    new Signal.UserSaid(Intent.Crisis, nameof(RiskLevel.Indirect)),
                    now,
                    DeliveryLane.Reply);
                return check with { History = [new HistoryEntry("safety-followup", "worse", null, now), .. check.History] };

            case "followup:better" or "followup:same" or "followup:quiet":
                var code = answer["followup:".Length..];
                outbox.Add(Say(context, copy.Text(code switch { "better" => "followUpBetter", "same" => "followUpSame", _ => "followUpQuiet" }, person)));
                history.Add(new HistoryEntry("safety-followup", code, null, now));
                c = c with { Step = CheckInStep.Closed, SafetyFollowUpAt = null };
                break;

            default:
                // A stale button (the question was already answered): nothing is asked again.
                outbox.Add(Say(context, copy.Text("followUpQuiet", person)));
                c = c.Step is CheckInStep.SafetyAskingFollowUp or CheckInStep.SafetyFollowUp ? c with { Step = CheckInStep.Closed } : c;
                break;
        }

        if (c.Step == CheckInStep.Closed && answer is not "followup:yes" && await plans.FindAsync(person.Id, cancellationToken) is null or { IsEmpty: true })
        {
            // After the crisis, not during it: an invitation to write a plan some calmer day.
            outbox.Add(Say(context, copy.Text("buildLater")));
        }

        return new TurnDecision(person, c, context.Replies, history, outbox, DeliveryLane.Reply, ScheduleChange.None) { SafetyFollowUp = request };
    }

    /// <summary>
    /// For the dispatcher: the follow-up, if it is due. Someone who is in a crisis response right now, or who has
    /// already started talking again, is not interrupted; the follow-up is then simply dropped.
    /// </summary>
    public TurnDecision PlanDue(TurnContext context, DateTimeOffset now)
    {
        var c = context.Conversation;
        if (c.SafetyFollowUpAt is not { } due || due > now)
        {
            // The stored due time and the conversation disagree (declined since, or asked again): the conversation wins.
            var correction = c.SafetyFollowUpAt is { } later ? new SafetyFollowUpRequest(later) : new SafetyFollowUpRequest(now, Cancel: true);
            return new TurnDecision(context.Person, c, context.Replies, [], [], DeliveryLane.Scheduled, ScheduleChange.None) { SafetyFollowUp = correction };
        }

        var done = new SafetyFollowUpRequest(due, Cancel: true);
        var busy = CheckInFlow.IsSafety(c.Step) || CheckInFlow.IsCheckIn(c.Step) || c.Step == CheckInStep.SafetyPlanning;
        if (busy)
        {
            return new TurnDecision(context.Person, c with { SafetyFollowUpAt = null }, context.Replies,
                [new HistoryEntry("safety-followup", "skipped-busy", null, now)], [], DeliveryLane.Scheduled, ScheduleChange.None) { SafetyFollowUp = done };
        }

        var message = new OutboundMessage(
            context.Chat,
            copy.Text("followUp"),
            copy.Choices("followup:better", "followup:same", "followup:worse", "followup:quiet"));
        return new TurnDecision(
            context.Person,
            c with { Step = CheckInStep.SafetyFollowUp, SafetyFollowUpAt = null, Attempts = 0 },
            context.Replies,
            [new HistoryEntry("safety-followup", "sent", null, now)],
            [message],
            DeliveryLane.Scheduled,
            ScheduleChange.None) { SafetyFollowUp = done };
    }

    private static OutboundMessage Say(TurnContext context, string text) => OutboundMessage.Plain(context.Chat, text);

    /// <summary>Typed answers: a clear yes or no to the question; better, same or worse to the follow-up.</summary>
    private static string Read(CheckInStep step, string? text)
    {
        var plain = TextNormalizer.Normalize(text ?? "").Trim();
        if (step == CheckInStep.SafetyAskingFollowUp)
        {
            return plain is "yes" or "y" or "yeah" or "yep" or "ok" or "okay" or "sure" or "please" or "yes please" or "ok sure"
                ? "followup:yes"
                : "followup:no";
        }

        if (plain.Contains("worse", StringComparison.Ordinal) || (plain.Contains("bad", StringComparison.Ordinal) && !plain.Contains("not bad", StringComparison.Ordinal)))
        {
            return "followup:worse";
        }

        if (plain.Contains("better", StringComparison.Ordinal))
        {
            return "followup:better";
        }

        return plain.Contains("talk", StringComparison.Ordinal) || plain is "no" or "nope" ? "followup:quiet" : "followup:same";
    }
}
