using Bot.Core.Commands;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Core.Safety;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Core.Tests.Handling;

/// <summary>The handler as the bot wires it, over a given store, with a flood guard that never slows a test down.</summary>
internal static class TestHandler
{
    public static ConversationHandler Over(IConversationStore store, IEnumerable<ICommandFeature>? features = null, LiveTurns? liveTurns = null) => new(
        new TurnLoop(store),
        new TurnPlanner(ReplyCatalog.English),
        features ?? [],
        new OutboxSignal(),
        new FloodGuard(TimeProvider.System, burst: 1000, perSecond: 1000),
        ReplyCatalog.English,
        new BotMetrics(),
        TimeProvider.System,
        NullLogger<ConversationHandler>.Instance,
        CrisisScreen.LexiconOnly,
        liveTurns: liveTurns);
}
