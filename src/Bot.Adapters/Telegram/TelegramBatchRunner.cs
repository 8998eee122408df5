using Bot.Core.Inbound;
using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Runs one getUpdates batch in the shared <see cref="ChatLanes"/>: the updates of one chat one after another in batch
/// order (Telegram's, by update id), different chats side by side, at most <c>concurrency</c> at a time. Completes when
/// every update has been processed; on cancellation it throws and the caller must confirm nothing of the batch.
/// </summary>
internal static class TelegramBatchRunner
{
    public static Task RunAsync(
        IReadOnlyList<Update> batch,
        int concurrency,
        Func<Update, CancellationToken, Task> process,
        CancellationToken cancellationToken) =>
        RunAsync(batch, TelegramOrderingKey.Of, concurrency, process, cancellationToken);

    /// <param name="laneOf">The update's chat (<see cref="TelegramOrderingKey"/>); null: the one lane of chat-less updates.</param>
    public static Task RunAsync<T>(
        IReadOnlyList<T> batch,
        Func<T, long?> laneOf,
        int concurrency,
        Func<T, CancellationToken, Task> process,
        CancellationToken cancellationToken) =>
        ChatLanes.RunAsync(batch, item => TelegramOrderingKey.Lane(laneOf(item)), concurrency, process, cancellationToken);
}
