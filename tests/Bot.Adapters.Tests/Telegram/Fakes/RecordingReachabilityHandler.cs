using System.Collections.Concurrent;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Telegram.Fakes;

public sealed class RecordingReachabilityHandler : IReachabilityHandler
{
    private readonly ConcurrentQueue<(ChatAddress Chat, bool Reachable)> _changes = new();

    public IReadOnlyList<(ChatAddress Chat, bool Reachable)> Changes => [.. _changes];

    public Task SetReachableAsync(ChatAddress chat, bool reachable, DateTimeOffset at, CancellationToken cancellationToken)
    {
        _changes.Enqueue((chat, reachable));
        return Task.CompletedTask;
    }
}
