using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Adapters.Persistence.Turns;

/// <summary>A decided turn waiting for a batch to save it, and the caller waiting for its outcome.</summary>
internal sealed class QueuedTurn(TurnRequest request, TurnContext loaded, TurnDecision decision, CancellationToken callerCancelled)
{
    private readonly TaskCompletionSource<BatchedTurnOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TurnRequest Request => request;

    /// <summary>What the decision was made on: the person (a new one's id) and the conversation's version.</summary>
    public TurnContext Loaded => loaded;

    public TurnDecision Decision => decision;

    /// <summary>When the turn started waiting (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
    public long QueuedAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();

    /// <summary>The caller gave up (shutting down): its scope may be gone, so the turn is not started.</summary>
    public bool Abandoned => callerCancelled.IsCancellationRequested;

    public (Platform Platform, string SenderId) Sender => (request.Chat.Platform, request.SenderId);

    public Task<BatchedTurnOutcome> Outcome => _outcome.Task;

    public void Complete(BatchedTurnOutcome outcome) => _outcome.TrySetResult(outcome);

    public void Cancel() => _outcome.TrySetCanceled(callerCancelled);
}
