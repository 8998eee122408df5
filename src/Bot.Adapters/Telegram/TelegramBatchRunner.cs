using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Runs one getUpdates batch: the updates of one chat one after another in batch order (Telegram's, by update id),
/// different chats side by side, at most <c>concurrency</c> chats at a time. Completes when every update has been
/// processed; on cancellation it throws and the caller must confirm nothing of the batch.
/// </summary>
internal static class TelegramBatchRunner
{
    public static Task RunAsync(
        IReadOnlyList<Update> batch,
        int concurrency,
        Func<Update, CancellationToken, Task> process,
        CancellationToken cancellationToken) =>
        RunAsync(batch, TelegramOrderingKey.Of, concurrency, process, cancellationToken);

    public static Task RunAsync<T>(
        IReadOnlyList<T> batch,
        Func<T, long?> laneOf,
        int concurrency,
        Func<T, CancellationToken, Task> process,
        CancellationToken cancellationToken)
    {
        // GroupBy keeps the batch order inside each group.
        var lanes = batch.GroupBy(laneOf);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(lanes, parallel, async (lane, token) =>
        {
            foreach (var update in lane)
            {
                await process(update, token);
            }
        });
    }
}
