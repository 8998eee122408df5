using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>
/// Group reads for concurrent people's turns (PostgreSQL), the read side of <see cref="TurnBatcher"/>: while reads are
/// running, the loads that arrive wait and then go together, one statement for the dedupe markers and one for the known
/// people, in one round trip. A quiet bot reads each turn at once, alone. Someone who spoke a moment ago is not read at all
/// (<see cref="RecentTurnRows"/>).
/// </summary>
public sealed class TurnLoadBatcher(IServiceScopeFactory scopes, FreeTextProtector protector, IOptions<StorageOptions> options, RecentTurnRows recent)
{
    private readonly Lock _gate = new();
    private readonly List<PendingLoad> _waiting = [];
    private int _running;
    private long _reads;

    /// <summary>Loads waiting for a read (tests wait on it instead of sleeping).</summary>
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

    /// <summary>How many reads (round trips) this process has made for turns' loads.</summary>
    internal long Reads => Interlocked.Read(ref _reads);

    /// <returns>Duplicate: the dedupe marker exists. Known: the person's rows, or null for a first contact.</returns>
    internal async Task<(bool Duplicate, LoadedTurn? Known)> ReadAsync(TurnRequest request, CancellationToken cancellationToken)
    {
        if (recent.TryGet(request.Chat.Platform, request.SenderId, out var kept))
        {
            return (false, kept);
        }

        var load = new PendingLoad(request);
        lock (_gate)
        {
            _waiting.Add(load);
            StartReads();
        }

        return await load.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Starts reads while there are free slots and waiting loads. Holds the gate.</summary>
    private void StartReads()
    {
        var settings = options.Value;
        while (_running < settings.TurnLoadConcurrency && _waiting.Count > 0)
        {
            var batch = _waiting.Take(settings.TurnBatchSize).ToArray();
            _waiting.RemoveRange(0, batch.Length);
            _running++;
            Interlocked.Increment(ref _reads);
            _ = Task.Run(() => ReadBatchAsync(batch));
        }
    }

    private async Task ReadBatchAsync(PendingLoad[] batch)
    {
        try
        {
            var requests = batch.Select(load => load.Request).ToArray();
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BotDbContext>();
            var (handled, known) = await db.Database.CreateExecutionStrategy().ExecuteAsync(
                requests, (_, r, ct) => TurnLoad.ReadManyAsync(db, protector, r, ct), verifySucceeded: null, CancellationToken.None);
            foreach (var load in batch)
            {
                load.Result.TrySetResult(TurnLoad.Result(load.Request, handled, known));
            }
        }
        catch (Exception ex)
        {
            foreach (var load in batch)
            {
                load.Result.TrySetException(ex);
            }
        }
        finally
        {
            lock (_gate)
            {
                _running--;
                StartReads();
            }
        }
    }

    private sealed record PendingLoad(TurnRequest Request)
    {
        public TaskCompletionSource<(bool Duplicate, LoadedTurn? Known)> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
