using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>Pure: from what is stored and what happened, to what must be written. Shared by replies and scheduled check-ins.</summary>
public sealed class TurnPlanner(ReplyCatalog catalog)
{
    public TurnDecision Plan(TurnContext context, Signal signal, DateTimeOffset now, DeliveryLane lane)
    {
        var turn = CheckInEngine.Advance(context.Conversation, signal, now);
        var say = WithFirstContactNotice(context, signal, turn.Say);
        var (messages, memory) = Render(context, say, now);

        return new TurnDecision(
            context.Person,
            turn.Next,
            memory,
            turn.Effects.OfType<Effect.RecordHistory>().Select(h => new HistoryEntry(h.Kind, h.Value, h.FreeText, now)).ToArray(),
            messages,
            lane,
            ScheduleChangeOf(turn.Effects));
    }

    /// <summary>The first time someone writes, the bot says plainly what it is (not a human, not therapy).</summary>
    private static IReadOnlyList<Utterance> WithFirstContactNotice(TurnContext context, Signal signal, IReadOnlyList<Utterance> say)
    {
        var alreadyWelcomed = say.Any(u => u.Key is ReplyKey.Welcome or ReplyKey.Help or ReplyKey.CrisisResponse);
        var isCrisis = signal is Signal.UserSaid { Intent: Intent.Crisis or Intent.Sos };
        if (!context.IsNewPerson || alreadyWelcomed || isCrisis)
        {
            return say;
        }

        return [new Utterance(ReplyKey.Welcome), .. say.Where(u => u.Key != ReplyKey.IdleHint)];
    }

    private (IReadOnlyList<OutboundMessage> Messages, ReplyMemory Memory) Render(TurnContext context, IReadOnlyList<Utterance> say, DateTimeOffset now)
    {
        var memory = context.Replies;
        var messages = new List<OutboundMessage>(say.Count);
        var seed = HashCode.Combine(context.Person.Id, now.UtcTicks);
        foreach (var utterance in say)
        {
            var (text, variant) = catalog.Pick(utterance.Key, memory.Last(utterance.Key), seed);
            memory = memory.With(utterance.Key, variant);
            messages.Add(new OutboundMessage(context.Chat, text, catalog[utterance.Key].Choices));
        }

        return (messages, memory);
    }

    private static ScheduleChange ScheduleChangeOf(IReadOnlyList<Effect> effects) =>
        effects.Any(e => e is Effect.PauseCheckIns) ? ScheduleChange.Pause
        : effects.Any(e => e is Effect.ResumeCheckIns) ? ScheduleChange.Resume
        : ScheduleChange.None;
}
