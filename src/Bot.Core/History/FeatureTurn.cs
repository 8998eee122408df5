using Bot.Core.Commands;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.History;

/// <summary>Turns that only answer: the conversation and schedule stay as they were.</summary>
internal static class FeatureTurn
{
    public static TurnDecision Reply(TurnContext context, IReadOnlyList<OutboundMessage> outbox, IReadOnlyList<HistoryEntry>? history = null) =>
        new(context.Person, context.Conversation, context.Replies, history ?? [], outbox, DeliveryLane.Reply, ScheduleChange.None);

    public static TurnDecision Say(TurnContext context, string text, params ReplyChoice[] choices) =>
        Reply(context, [new OutboundMessage(context.Chat, text, choices)]);

    /// <summary>A reply that repeats the person's own data back: not kept in the outbox once delivered.</summary>
    public static TurnDecision SayPersonal(TurnContext context, string text, params ReplyChoice[] choices) =>
        Reply(context, [new OutboundMessage(context.Chat, text, choices) { Personal = true }]);

    /// <summary>Personal data is never shown in a shared channel.</summary>
    public static TurnDecision? RefuseOutsidePrivate(TurnContext context, CommandInput input, HistoryCopy copy) =>
        input.Kind == ChatKind.Private ? null : Say(context, copy.Text(HistoryText.PrivateOnly));
}
