using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// Group commit for concurrent people's turns (PostgreSQL): while a batch is being committed, the turns that arrive wait and
/// then go together, so one transaction (and one fsync) carries many turns with a handful of round trips. A quiet bot
/// runs each turn at once, alone. One person's turns never share a batch or run in two batches at once.
/// </summary>
public sealed partial class TurnBatcher(IServiceScopeFactory scopes, FreeTextProtector protector, IOptions<StorageOptions> options, ILogger<TurnBatcher> logger)
{
    private readonly Lock _gate = new();
    private readonly List<QueuedTurn> _waiting = [];
    private readonly HashSet<(Platform, string)> _inFlight = [];
    private int _running;

    public async Task<BatchedTurnOutcome> RunAsync(TurnRequest request, Func<TurnContext, CancellationToken, Task<TurnDecision>> decide, CancellationToken cancellationToken)
    {
        var turn = new QueuedTurn(request, decide, cancellationToken);
        lock (_gate)
        {
            _waiting.Add(turn);
            StartBatches();
        }

        return await turn.Outcome;
    }

    /// <summary>Starts batches while there are free slots and turns whose sender is not already in flight. Holds the gate.</summary>
    private void StartBatches()
    {
        var settings = options.Value;
        while (_running < settings.TurnBatchConcurrency)
        {
            var batch = new List<QueuedTurn>();
            var senders = new HashSet<(Platform, string)>();
            var kept = new List<QueuedTurn>(_waiting.Count);
            foreach (var turn in _waiting)
            {
                if (turn.Abandoned)
                {
                    turn.Cancel();
                }
                else if (batch.Count < settings.TurnBatchSize && !_inFlight.Contains(turn.Sender) && senders.Add(turn.Sender))
                {
                    batch.Add(turn);
                }
                else
                {
                    kept.Add(turn);
                }
            }

            _waiting.Clear();
            _waiting.AddRange(kept);
            if (batch.Count == 0)
            {
                return;
            }

            _inFlight.UnionWith(senders);
            _running++;
            _ = Task.Run(() => CommitAsync(batch, senders));
        }
    }

    private async Task CommitAsync(List<QueuedTurn> batch, HashSet<(Platform, string)> senders)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var outcomes = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                batch,
                (_, turns, ct) => new TurnBatch(db, protector, turns).CommitAsync(ct),
                verifySucceeded: null,
                CancellationToken.None);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Complete(outcomes[i]);
            }
        }
        catch (Exception ex)
        {
            // Whatever failed (a turn's decision, a first contact racing another replica, the database away), nothing was
            // committed: each turn runs again on its own, where a failing one is answered gently and the rest go on.
            LogBatchFailed(logger, ex, batch.Count);
            foreach (var turn in batch)
            {
                turn.Complete(BatchedTurnOutcome.RunAlone);
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.ExceptWith(senders);
                _running--;
                StartBatches();
            }
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "A batch of {Count} turns was not committed; each turn runs on its own")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
