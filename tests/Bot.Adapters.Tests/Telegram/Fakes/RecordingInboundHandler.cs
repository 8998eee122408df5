using System.Collections.Concurrent;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Telegram.Fakes;

/// <summary>
/// Stands in for the Core handler at the adapter tier: records every call and, like the real store, answers Duplicate
/// for a PlatformMessageId it has already committed. Can be told to fail the next calls, like a database outage.
/// </summary>
public sealed class RecordingInboundHandler : IInboundMessageHandler
{
    private readonly ConcurrentQueue<(InboundMessage Message, HandleOutcome? Outcome)> _calls = new();
    private readonly ConcurrentDictionary<string, bool> _committed = new();
    private int _failuresLeft;
    private int _lostAcknowledgementsLeft;

    public IReadOnlyList<InboundMessage> Calls => _calls.Select(c => c.Message).ToList();

    public IReadOnlyList<HandleOutcome?> Outcomes => _calls.Select(c => c.Outcome).ToList();

    public IReadOnlyList<InboundMessage> Committed => _calls.Where(c => c.Outcome == HandleOutcome.Handled).Select(c => c.Message).ToList();

    /// <summary>Runs first in every call, before anything is committed: a test can hold a message here, or fail it.</summary>
    public Func<InboundMessage, CancellationToken, Task>? BeforeCommit { get; set; }

    /// <summary>Runs inside the handler, after the commit: a test's stand-in for the outbox delivering a reply.</summary>
    public Func<InboundMessage, Task>? AfterCommit { get; set; }

    public void FailNext(int times) => Interlocked.Exchange(ref _failuresLeft, times);

    /// <summary>The next commit succeeds but the caller hears an error, as when a connection drops right after COMMIT.</summary>
    public void LoseAcknowledgementOfNextCommit() => Interlocked.Exchange(ref _lostAcknowledgementsLeft, 1);

    public async Task<HandleOutcome> HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            _calls.Enqueue((message, null));
            throw new InvalidOperationException("Simulated database outage.");
        }

        if (BeforeCommit is { } beforeCommit)
        {
            try
            {
                await beforeCommit(message, cancellationToken);
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested)
            {
                _calls.Enqueue((message, null));
                throw;
            }
        }

        var outcome = _committed.TryAdd(message.Chat + "/" + message.PlatformMessageId, true) ? HandleOutcome.Handled : HandleOutcome.Duplicate;
        _calls.Enqueue((message, outcome));
        if (outcome == HandleOutcome.Handled && AfterCommit is { } afterCommit)
        {
            await afterCommit(message);
        }

        if (outcome == HandleOutcome.Handled && Interlocked.Decrement(ref _lostAcknowledgementsLeft) >= 0)
        {
            throw new InvalidOperationException("Simulated connection loss after COMMIT.");
        }

        return outcome;
    }
}
