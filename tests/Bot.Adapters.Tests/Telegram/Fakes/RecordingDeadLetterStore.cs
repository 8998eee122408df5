using System.Collections.Concurrent;
using Bot.Core.Inbound;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Telegram.Fakes;

/// <summary>Stands in for the dead-letter table at the adapter tier (the real one is tested on PostgreSQL).</summary>
public sealed class RecordingDeadLetterStore : IDeadLetterStore
{
    private readonly ConcurrentDictionary<(Platform, string), (DeadLetter Letter, string? Payload)> _rows = new();

    public IReadOnlyList<DeadLetter> Letters => [.. _rows.Values.Select(r => r.Letter).OrderBy(l => l.FirstSeen)];

    public string? PayloadOf(string updateId) => _rows.TryGetValue((Platform.Telegram, updateId), out var row) ? row.Payload : null;

    public Task<bool> ParkAsync(DeadLetter letter, string? rawPayload, CancellationToken cancellationToken)
    {
        var added = _rows.TryAdd((letter.Platform, letter.UpdateId), (letter, rawPayload));
        if (!added)
        {
            _rows.AddOrUpdate(
                (letter.Platform, letter.UpdateId),
                (letter, rawPayload),
                (_, old) => (old.Letter with { Attempts = old.Letter.Attempts + letter.Attempts, LastSeen = letter.LastSeen }, old.Payload));
        }

        return Task.FromResult(added);
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken cancellationToken) => Task.FromResult(Letters);

    public Task<string?> ReadPayloadAsync(Platform platform, string updateId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue((platform, updateId), out var row) ? row.Payload : null);

    public Task<bool> DropAsync(Platform platform, string updateId, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryRemove((platform, updateId), out _));
}
