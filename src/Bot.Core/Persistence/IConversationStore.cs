namespace Bot.Core.Persistence;

/// <summary>
/// What a turn reads and what it writes, in two calls with the decision between them (see <see cref="TurnLoop"/>):
/// nothing here calls back into Core.
/// </summary>
public interface IConversationStore
{
    /// <summary>
    /// The person and their conversation as stored now (a first contact gets a new person, saved only with the turn), or
    /// null when the inbound message was already handled (its dedupe key is known). Reads only; locks nothing.
    /// </summary>
    Task<TurnContext?> LoadAsync(TurnRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Saves one decision in one transaction: the dedupe marker, state, history, outbox, schedule and the decision's
    /// <see cref="TurnDecision.Writes"/>. <see cref="TurnSaveResult.Conflict"/> when the conversation changed since
    /// <paramref name="loaded"/> was read (or a write's precondition no longer holds): nothing was saved.
    /// </summary>
    Task<TurnSaveResult> SaveAsync(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken cancellationToken);
}
