using System.Diagnostics;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// Group commit for concurrent people's decided turns (PostgreSQL): while a batch is being committed, the saves that
/// arrive wait and then go together, so one transaction (and one fsync) carries many turns with a handful of round trips.
/// A quiet bot saves each turn at once, alone. One person's turns never share a batch or go in two batches at once.
/// </summary>
public sealed partial class TurnBatcher(IServiceScopeFactory scopes, FreeTextProtector protector, IOptions<StorageOptions> options, RecentTurnRows recent, ILogger<TurnBatcher> logger)
{
    private readonly Lock _gate = new();
    private readonly List<QueuedTurn> _waiting = [];
    private readonly HashSet<(Platform, string)> _inFlight = [];
    private int _running;
    private int _lastBatchSize;
    private bool _gatherTimerSet;

    /// <summary>Decided turns waiting for a batch (tests wait on it instead of sleeping).</summary>
    internal int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public async Task<BatchedTurnOutcome> SaveAsync(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken cancellationToken)
    {
        var turn = new QueuedTurn(request, loaded, decision, cancellationToken);
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
            var batch = Eligible(settings.TurnBatchSize);
            if (batch.Count == 0 || Gathering(batch, settings.TurnBatchGatherAtMost))
            {
                return;
            }

            var taken = batch.ToHashSet();
            _waiting.RemoveAll(taken.Contains);
            var senders = batch.Select(turn => turn.Sender).ToHashSet();
            _inFlight.UnionWith(senders);
            _running++;
            _ = Task.Run(() => CommitAsync(batch, senders));
        }
    }

    /// <summary>The waiting turns the next batch may take, oldest first (one per sender); abandoned turns are dropped.</summary>
    private List<QueuedTurn> Eligible(int batchSize)
    {
        foreach (var turn in _waiting.Where(turn => turn.Abandoned))
        {
            turn.Cancel();
        }

        _waiting.RemoveAll(turn => turn.Abandoned);
        var senders = new HashSet<(Platform, string)>();
        return _waiting.Where(turn => !_inFlight.Contains(turn.Sender) && senders.Add(turn.Sender)).Take(batchSize).ToList();
    }

    /// <summary>
    /// Whether to hold a free slot back for a moment: while another batch is still committing, the people whose turns just
    /// committed are usually about to speak again, and one batch of all of them costs far less than a few small ones. It
    /// waits for as many turns as the last batch carried, and never longer than <paramref name="atMost"/> after the oldest
    /// arrived. With nothing else committing a turn never waits.
    /// </summary>
    private bool Gathering(List<QueuedTurn> batch, TimeSpan atMost)
    {
        if (_running == 0 || batch.Count >= _lastBatchSize)
        {
            return false;
        }

        var left = atMost - Stopwatch.GetElapsedTime(batch[0].QueuedAt);
        if (left <= TimeSpan.Zero)
        {
            return false;
        }

        if (!_gatherTimerSet)
        {
            _gatherTimerSet = true;
            _ = Task.Delay(left).ContinueWith(_ =>
            {
                lock (_gate)
                {
                    _gatherTimerSet = false;
                    StartBatches();
                }
            }, TaskScheduler.Default);
        }

        return true;
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
                Remember(batch[i], outcomes[i].Outcome, outcomes[i].Rows);
                batch[i].Complete(outcomes[i].Outcome);
            }
        }
        catch (Exception ex)
        {
            // Whatever failed (a first contact racing another replica, the database away), nothing was committed: each
            // decision is saved again on its own, where only a failing one fails.
            LogBatchFailed(logger, ex, batch.Count);
            foreach (var turn in batch)
            {
                turn.Complete(BatchedTurnOutcome.SaveAlone);
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight.ExceptWith(senders);
                _running--;
                _lastBatchSize = batch.Count;
                StartBatches();
            }
        }
    }

    /// <summary>
    /// A saved turn leaves its rows for the person's next turn, unless it changed the own words the rows carry; a conflict
    /// means the rows moved on elsewhere.
    /// </summary>
    private void Remember(QueuedTurn turn, BatchedTurnOutcome outcome, LoadedTurn? rows)
    {
        if (outcome == BatchedTurnOutcome.Saved && rows is not null
            && turn.Decision.KeepOwnWords is null && !turn.Decision.Writes.Any(write => write is WithdrawOwnWordsConsent))
        {
            recent.Keep(rows);
        }
        else if (outcome != BatchedTurnOutcome.Duplicate)
        {
            recent.Forget(turn.Sender.Platform, turn.Sender.SenderId);
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "A batch of {Count} turns was not committed; each is saved on its own")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
