namespace Bot.Core.Persistence;

public interface IConversationStore
{
    /// <summary>
    /// Runs one turn atomically: records the dedupe key first (a redelivery stops there and returns false),
    /// loads the person and their conversation (creating them on first contact), calls <paramref name="decide"/>,
    /// and saves state, history and outbox messages in the same transaction.
    /// </summary>
    Task<bool> RunTurnAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken cancellationToken);
}
