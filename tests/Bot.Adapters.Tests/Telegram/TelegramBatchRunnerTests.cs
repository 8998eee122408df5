using System.Collections.Concurrent;
using Bot.Adapters.Telegram;
using Telegram.Bot.Types;

namespace Bot.Adapters.Tests.Telegram;

public sealed class TelegramBatchRunnerTests
{
    private const long ChatA = 1001;
    private const long ChatB = 2002;

    [Fact]
    public void OrderingKey_EachKindOfUpdate_IsTheChatItBelongsTo()
    {
        Assert.Equal(ChatA, TelegramOrderingKey.Of(new Update { Id = 1, Message = InChat(ChatA) }));
        Assert.Equal(ChatA, TelegramOrderingKey.Of(new Update { Id = 2, EditedMessage = InChat(ChatA) }));
        Assert.Equal(-100L, TelegramOrderingKey.Of(new Update { Id = 3, ChannelPost = InChat(-100) }));
        Assert.Equal(ChatA, TelegramOrderingKey.Of(new Update
        {
            Id = 4,
            CallbackQuery = new CallbackQuery { Id = "q", From = new User { Id = ChatB }, Message = InChat(ChatA) },
        }));
        Assert.Equal(ChatB, TelegramOrderingKey.Of(new Update { Id = 5, CallbackQuery = new CallbackQuery { Id = "q", From = new User { Id = ChatB } } }));
        Assert.Equal(ChatA, TelegramOrderingKey.Of(new Update { Id = 6, MyChatMember = new ChatMemberUpdated { Chat = new Chat { Id = ChatA } } }));
        Assert.Null(TelegramOrderingKey.Of(new Update { Id = 7, Poll = new Poll { Id = "p" } }));
    }

    [Fact]
    public async Task RunAsync_TwoChats_RunSideBySide()
    {
        var bStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Update[] batch = [Text(1, ChatA), Text(2, ChatB)];

        // One at a time, chat A would wait for chat B forever (here: until the timeout fails the test).
        await TelegramBatchRunner.RunAsync(batch, 2, async (update, token) =>
        {
            if (update.Message!.Chat.Id == ChatA)
            {
                await bStarted.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            }
            else
            {
                bStarted.TrySetResult();
            }
        }, CancellationToken.None);
    }

    [Fact]
    public async Task RunAsync_OneChat_RunsInBatchOrder_OneAtATime_EvenWhenItsFirstUpdateIsSlow()
    {
        var events = new ConcurrentQueue<string>();
        var chatBDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Update[] batch = [Text(1, ChatA), Text(2, ChatB), Text(3, ChatA), Text(4, ChatA), Text(5, ChatB), Poll(6), Poll(7)];

        await TelegramBatchRunner.RunAsync(batch, 4, async (update, token) =>
        {
            var lane = TelegramOrderingKey.Of(update)?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none";
            events.Enqueue($"{lane} start {update.Id}");

            // The first update of chat A (and of the chat-less lane) is slow: it lasts until chat B is done.
            if (update.Id is 1 or 6)
            {
                await chatBDone.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            }

            events.Enqueue($"{lane} end {update.Id}");
            if (update.Id == 5)
            {
                chatBDone.TrySetResult();
            }
        }, CancellationToken.None);

        Assert.Equal(
            ["1001 start 1", "1001 end 1", "1001 start 3", "1001 end 3", "1001 start 4", "1001 end 4"],
            events.Where(e => e.StartsWith("1001 ", StringComparison.Ordinal)));
        Assert.Equal(
            ["2002 start 2", "2002 end 2", "2002 start 5", "2002 end 5"],
            events.Where(e => e.StartsWith("2002 ", StringComparison.Ordinal)));
        Assert.Equal(
            ["none start 6", "none end 6", "none start 7", "none end 7"],
            events.Where(e => e.StartsWith("none ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task RunAsync_MoreChatsThanTheConcurrency_RunsExactlyThatManyAtOnce()
    {
        const int Concurrency = 3;
        var inFlight = 0;
        var most = 0;
        var full = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batch = Enumerable.Range(1, 10).Select(i => Text(i, ChatA + i)).ToArray();

        await TelegramBatchRunner.RunAsync(batch, Concurrency, async (update, token) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            if (now == Concurrency)
            {
                full.TrySetResult();
            }

            // The first chats wait until the limit is reached, so a lower limit times out and a higher one is seen.
            await full.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            await Task.Delay(5, token);
            Interlocked.Decrement(ref inFlight);
        }, CancellationToken.None);

        Assert.Equal(Concurrency, most);
    }

    [Fact]
    public async Task RunAsync_Cancelled_Throws_SoTheCallerConfirmsNothing()
    {
        using var stop = new CancellationTokenSource();
        Update[] batch = [Text(1, ChatA), Text(2, ChatB)];

        var run = TelegramBatchRunner.RunAsync(batch, 2, async (update, token) =>
        {
            if (update.Id == 2)
            {
                await stop.CancelAsync();
            }

            await Task.Delay(Timeout.Infinite, token);
        }, stop.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }

    private static Message InChat(long chatId) => new() { Id = 1, Chat = new Chat { Id = chatId }, Text = "hi" };

    private static Update Text(int id, long chatId) => new() { Id = id, Message = InChat(chatId) };

    private static Update Poll(int id) => new() { Id = id, Poll = new Poll { Id = "p" + id } };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
