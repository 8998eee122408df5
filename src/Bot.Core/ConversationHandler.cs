using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Safety;
using Bot.Core.SafetyPlan;
using Microsoft.Extensions.Logging;

namespace Bot.Core;

/// <summary>Use case: one inbound message -> one durable turn (dedupe, crisis check, engine, state + history + outbox).</summary>
public sealed partial class ConversationHandler(
    TurnLoop turns,
    TurnPlanner planner,
    IEnumerable<ICommandFeature> features,
    IOutboxSignal outboxSignal,
    FloodGuard floodGuard,
    ReplyCatalog catalog,
    BotMetrics metrics,
    TimeProvider clock,
    ILogger<ConversationHandler> logger,
    CrisisScreen crisisScreen,
    CrisisCare? crisisCare = null,
    LiveTurns? liveTurns = null) : IInboundMessageHandler
{
    private readonly CommandRouter _commands = new(features);

    public async Task<HandleOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var text = InboundText.Clean(message.Text);
        if (text is null && message.ChoiceId is null)
        {
            return HandleOutcome.Ignored;
        }

        // Crisis language is checked first, on every text; it never reaches a feature. The full classification needs the
        // stored conversation (a city is a time zone only when one was asked for), so it runs inside the turn.
        var screened = crisisScreen.Read(text);
        var risk = screened.Level;
        if (message.Kind == ChatKind.Group && text is not null && !text.StartsWith('/') && risk == RiskLevel.None)
        {
            // Personal text from shared channels is never read or stored; only commands and buttons are (and a cry for
            // help, which is answered in private).
            return HandleOutcome.Ignored;
        }

        var input = CommandInput.From(text, message.ChoiceId) with { Kind = message.Kind, SenderId = message.SenderId, SenderIsChatAdmin = message.SenderIsChatAdmin };
        var feature = risk != RiskLevel.None ? null : _commands.Owner(input);
        var intent = risk != RiskLevel.None ? Intent.Crisis : Intent.Unclear;
        var flood = risk != RiskLevel.None ? FloodVerdict.Normal : await floodGuard.WaitTurnAsync(message.Chat, cancellationToken);
        if (flood != FloodVerdict.Normal)
        {
            metrics.FloodSlowed(message.Chat.Platform);
        }

        var request = new TurnRequest(message.Chat, message.SenderId, message.PlatformMessageId, clock.GetUtcNow()) { Kind = message.Kind };
        var shared = message.Kind == ChatKind.Group
            && (risk != RiskLevel.None || (feature is IPrivateFeature personal && personal.AnswersPrivately(input)));
        if (shared)
        {
            // Answer the person privately; the channel hears only a short neutral line (content guide §5.2).
            request = request with
            {
                Chat = new ChatAddress(message.Chat.Platform, message.SenderId),
                Kind = ChatKind.Private,
                DedupeKey = $"group:{message.Chat.ChatId}:{message.PlatformMessageId}",
            };
        }

        async Task<TurnDecision> PlanAsync(TurnContext context, CancellationToken ct)
        {
            var (answer, owner) = (input, feature);
            if (owner is null && risk == RiskLevel.None && message.ChoiceId is null
                && ChoicesOnScreen.Pick(text, context.Conversation.LastChoices) is { } picked)
            {
                // "2" or a label typed instead of a tap: the button it names, which may belong to a feature.
                answer = input with { ChoiceId = picked.Id, Text = null };
                owner = _commands.Owner(answer);
            }

            if (owner is not null)
            {
                return await owner.PlanAsync(context, answer, request.Now, ct);
            }

            if (_commands.Continuing(context, answer, screened) is { } continuing)
            {
                intent = Intent.Unclear;
                return await continuing.PlanAsync(context, answer, request.Now, ct);
            }

            var signal = IntentClassifier.Classify(answer.Text, answer.ChoiceId, context.Conversation, risk);
            intent = signal.Intent;
            var planned = planner.Plan(context, signal, request.Now, DeliveryLane.Reply);
            return crisisCare is null ? planned : await crisisCare.AfterEngineAsync(context, planned, request.Now, ct);
        }

        // Only a failing decision (a bug, bad state) is answered gently; when the store itself fails (the database is away)
        // the exception goes up, nothing is confirmed to the platform, and the message comes again.
        var decisionFailed = false;
        async Task<TurnDecision> DecideAsync(TurnContext context, CancellationToken ct)
        {
            try
            {
                var decision = await PlanAsync(context, ct);

                // The note speaks to one person; in a shared channel a burst of clicks is simply slowed.
                decision = flood == FloodVerdict.SlowedFirstTime && (message.Kind == ChatKind.Private || shared) ? WithSlowDownNote(decision, context, request.Now) : decision;
                return shared ? WithChannelNotice(decision, message.Chat) : decision;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                decisionFailed = true;
                throw;
            }
        }

        bool handled;
        using var live = liveTurns?.Begin();
        try
        {
            handled = await turns.RunAsync(request, DecideAsync, cancellationToken);
        }
        catch (Exception ex) when (decisionFailed && ex is not OperationCanceledException)
        {
            LogTurnFailed(logger, ex, message.Chat.Platform);
            handled = await turns.RunAsync(request, ResetGently, cancellationToken);
        }

        if (!handled)
        {
            LogDuplicate(logger, message.Chat.Platform);
            return HandleOutcome.Duplicate;
        }

        metrics.MessageIn(message.Chat.Platform);
        if (intent == Intent.Crisis)
        {
            metrics.CrisisResponse(message.Chat.Platform);
        }

        outboxSignal.Notify();
        return HandleOutcome.Handled;
    }

    /// <summary>One gentle note per flood episode, before the reply: their messages are all read, just a little slower.</summary>
    private TurnDecision WithSlowDownNote(TurnDecision decision, TurnContext context, DateTimeOffset now)
    {
        var (text, memory) = catalog.Pick(ReplyKey.SlowDownNote, decision.Replies, context.Person.Id.GetHashCode(), now);
        return decision with
        {
            Replies = memory,
            Outbox = [OutboundMessage.Plain(context.Chat, text), .. decision.Outbox],
        };
    }

    private static TurnDecision WithChannelNotice(TurnDecision decision, ChatAddress channel) =>
        decision with { Outbox = [.. decision.Outbox, OutboundMessage.Plain(channel, SafetyPlanCopy.English.Text("groupNotice"))] };

    private static Task<TurnDecision> ResetGently(TurnContext context, CancellationToken cancellationToken)
    {
        var sorry = ReplyCatalog.English[ReplyKey.SomethingWentWrongGently].Variants[0];
        return Task.FromResult(new TurnDecision(
            context.Person,
            context.Conversation with { Step = CheckInStep.Closed, Attempts = 0 },
            context.Replies,
            [],
            [OutboundMessage.Plain(context.Chat, sorry)],
            DeliveryLane.Reply,
            ScheduleChange.None));
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "A turn failed on {Platform}; the conversation was reset gently")]
    private static partial void LogTurnFailed(ILogger logger, Exception exception, Platform platform);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug, Message = "Duplicate delivery on {Platform} ignored")]
    private static partial void LogDuplicate(ILogger logger, Platform platform);
}
