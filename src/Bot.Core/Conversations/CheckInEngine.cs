using Bot.Core.Replies;

namespace Bot.Core.Conversations;

/// <summary>The pure heart of the bot: no I/O, no clock, no logging. Same input, same turn.</summary>
public static class CheckInEngine
{
    public static Turn Advance(Conversation conversation, Signal signal, DateTimeOffset now) => signal switch
    {
        Signal.CheckInDue => OnCheckInDue(conversation, now),
        Signal.ReplyTimedOut => OnReplyTimedOut(conversation),
        Signal.UserSaid said => OnUserSaid(conversation with { LastInboundAt = now }, said, now),
        _ => throw new ArgumentOutOfRangeException(nameof(signal), signal, "Unknown signal."),
    };

    private static Turn OnCheckInDue(Conversation conversation, DateTimeOffset now) =>
        conversation.Step is CheckInStep.Idle or CheckInStep.Closed
            ? Say(Open(conversation, now), ReplyKey.Opener)
            : Nothing(conversation);

    private static Turn OnReplyTimedOut(Conversation conversation) =>
        conversation.Step == CheckInStep.Opened
            ? Nothing(conversation with { Step = CheckInStep.Closed, Attempts = 0 })
            : Nothing(conversation);

    private static Turn OnUserSaid(Conversation conversation, Signal.UserSaid said, DateTimeOffset now)
    {
        if (Interrupt(conversation, said) is { } interrupted)
        {
            return interrupted;
        }

        if (CheckInFlow.Table.Find(conversation.Step, said.Intent) is { } row)
        {
            var next = conversation with { Step = row.To, Attempts = 0 };
            if (row.To == CheckInStep.Opened && conversation.Step != CheckInStep.Opened)
            {
                next = Open(next, now);
            }

            return new Turn(next, [new Utterance(row.Say)], EffectsOf(said));
        }

        return Unclear(conversation);
    }

    private static Turn? Interrupt(Conversation conversation, Signal.UserSaid said) => said.Intent switch
    {
        Intent.Crisis or Intent.Sos => Say(conversation with { Step = CheckInStep.SafetyHold, Attempts = 0 }, ReplyKey.CrisisResponse),
        Intent.Stop => new Turn(
            conversation with { Step = CheckInStep.Paused, Attempts = 0 },
            [new Utterance(ReplyKey.PausedConfirmed)],
            [new Effect.PauseCheckIns()]),
        Intent.Resume => new Turn(
            conversation with { Step = conversation.Step == CheckInStep.Paused ? CheckInStep.Idle : conversation.Step },
            [new Utterance(ReplyKey.Resumed)],
            [new Effect.ResumeCheckIns()]),
        Intent.Help => Say(conversation, ReplyKey.Help),
        Intent.UnknownCommand => Say(conversation, ReplyKey.UnknownCommand),
        _ => null,
    };

    private static Turn Unclear(Conversation conversation) => conversation.Step switch
    {
        CheckInStep.Opened when conversation.Attempts == 0 => Say(conversation with { Attempts = 1 }, ReplyKey.ReAsk),
        CheckInStep.Opened => Say(conversation with { Step = CheckInStep.Closed, Attempts = 0 }, ReplyKey.GentleClose),
        CheckInStep.Paused => Say(conversation, ReplyKey.PausedHint),
        _ => Say(conversation, ReplyKey.IdleHint),
    };

    private static IReadOnlyList<Effect> EffectsOf(Signal.UserSaid said) => said.Intent switch
    {
        Intent.Mood when said.Value is not null => [new Effect.RecordHistory("mood", said.Value)],
        Intent.NotToday => [new Effect.RecordHistory("not-today", "not-today")],
        _ => [],
    };

    private static Conversation Open(Conversation conversation, DateTimeOffset now) =>
        conversation with { Step = CheckInStep.Opened, Attempts = 0, StartedAt = now, Mood = null };

    private static Turn Say(Conversation next, ReplyKey key) => new(next, [new Utterance(key)], []);

    private static Turn Nothing(Conversation next) => new(next, [], []);
}
