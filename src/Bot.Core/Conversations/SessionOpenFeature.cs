using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>
/// A session opened (the terminal's `chat` starting): a newcomer hears what this is and the consent question, as with
/// /start; someone returning is welcomed back with the buttons they were shown last, still there to pick.
/// </summary>
public sealed class SessionOpenFeature(TurnPlanner planner, ReplyCatalog catalog) : ICommandFeature
{
    /// <summary>The button id an adapter sends for "a session opened"; never shown as a button.</summary>
    public const string ChoiceId = "session:open";

    public Task<TurnDecision> PlanAsync(TurnContext context, CommandInput input, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!context.Conversation.Introduced)
        {
            return Task.FromResult(planner.Plan(context, new Signal.UserSaid(Intent.Start), now, DeliveryLane.Reply));
        }

        var key = ReplyKey.WelcomeBackSession;
        var (text, replies) = catalog.Pick(key, context.Replies, context.Person.Id.GetHashCode(), now);
        return Task.FromResult(new TurnDecision(
            context.Person,
            context.Conversation,
            replies,
            [],
            [new OutboundMessage(context.Chat, text, context.Conversation.LastChoices)],
            DeliveryLane.Reply,
            ScheduleChange.None));
    }
}
