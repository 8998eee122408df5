namespace Bot.Core.Persistence;

/// <summary>
/// One turn, in one direction: load what the turn needs, decide, save. When the conversation changed in between (another
/// turn of the same person, through a linked account or another replica), it loads again and decides afresh.
/// </summary>
public sealed class TurnLoop(IConversationStore store)
{
    /// <summary>
    /// Concurrent turns of one person are rare (a chat's messages are handled in order), but a burst through linked
    /// accounts or several replicas settles one turn per round: enough rounds for a burst of a couple of dozen.
    /// </summary>
    public const int Attempts = 32;

    /// <returns>False when the inbound message was already handled (a redelivery).</returns>
    public async Task<bool> RunAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            if (await store.LoadAsync(request, cancellationToken) is not { } loaded)
            {
                return false;
            }

            var decision = await decide(loaded, cancellationToken);
            switch (await store.SaveAsync(request, loaded, decision, cancellationToken))
            {
                case TurnSaveResult.Saved:
                    return true;
                case TurnSaveResult.Duplicate:
                    return false;
            }

            // Lost to another turn of the same person: a moment's jitter, so a burst does not collide again in step.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 2 + attempt)), cancellationToken);
        }

        throw new TurnConflictException(Attempts);
    }
}
