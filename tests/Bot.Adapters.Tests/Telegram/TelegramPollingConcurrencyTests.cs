using System.Collections.Concurrent;
using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Core.Messaging;
using Bot.Testing.Telegram;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>One getUpdates batch through the real poller: chats side by side, each chat in order, nothing confirmed early.</summary>
public sealed class TelegramPollingConcurrencyTests : TelegramHostTests
{
    private const long PersonB = 444555666;
    private const long PersonC = 777888999;
    private static readonly string ChatA = Updates.PersonId.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static readonly string ChatB = PersonB.ToString(System.Globalization.CultureInfo.InvariantCulture);


    [Fact]
    public async Task Polling_TwoChatsInOneBatch_AreHandledAtTheSameTime()
    {
        var bArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Host.Handler.BeforeCommit = async (message, token) =>
        {
            if (message.Chat.ChatId == ChatA)
            {
                // Handled one at a time, chat A's update would wait here for chat B's, which comes after it.
                await bArrived.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            }
            else
            {
                bArrived.TrySetResult();
            }
        };

        // Queued before the poller starts, so both come in the first batch.
        Api.Enqueue(Updates.Text(2000, "tired", Updates.PersonId));
        Api.Enqueue(Updates.Text(2001, "okay", PersonB));
        await Host.StartAsync();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 2, "both chats are handled");
        Assert.DoesNotContain(null, Host.Handler.Outcomes);
        Assert.Equal(["2001", "2000"], Host.Handler.Committed.Select(m => m.PlatformMessageId));
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 2002, "the batch is confirmed");
    }

    [Fact]
    public async Task Polling_OneChat_IsHandledInUpdateIdOrder_OneAtATime_WhileOtherChatsGoOn()
    {
        var inFlight = new ConcurrentDictionary<string, int>();
        var overlapped = false;
        var othersLeft = 2;
        var othersDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Host.Handler.BeforeCommit = async (message, token) =>
        {
            if (inFlight.AddOrUpdate(message.Chat.ChatId, 1, (_, n) => n + 1) > 1)
            {
                overlapped = true;
            }

            try
            {
                // Chat A's first update is slow: it lasts until chats B and C have had their last updates. Chat A's later
                // updates must still wait for it; the other chats must not.
                if (message.PlatformMessageId == "3000")
                {
                    await othersDone.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
                }
                else if (message.PlatformMessageId is "3003" or "3005" && Interlocked.Decrement(ref othersLeft) == 0)
                {
                    othersDone.TrySetResult();
                }
            }
            finally
            {
                inFlight.AddOrUpdate(message.Chat.ChatId, 0, (_, n) => n - 1);
            }
        };

        Api.Enqueue(Updates.Text(3000, "one", Updates.PersonId));
        Api.Enqueue(Updates.Text(3001, "one", PersonB));
        Api.Enqueue(Updates.Text(3002, "two", Updates.PersonId));
        Api.Enqueue(Updates.Text(3003, "two", PersonB));
        Api.Enqueue(Updates.Text(3004, "three", Updates.PersonId));
        Api.Enqueue(Updates.Text(3005, "one", PersonC));
        await Host.StartAsync();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 6, "every update is handled");
        var committed = Host.Handler.Committed;
        Assert.Equal(["3000", "3002", "3004"], committed.Where(m => m.Chat.ChatId == ChatA).Select(m => m.PlatformMessageId));
        Assert.Equal(["3001", "3003"], committed.Where(m => m.Chat.ChatId == ChatB).Select(m => m.PlatformMessageId));
        Assert.False(overlapped, "two updates of one chat were in the handler at the same time");
        Assert.DoesNotContain(null, Host.Handler.Outcomes);
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 3006, "the batch is confirmed");
    }

    [Fact]
    public async Task Polling_FailingUpdate_IsRetried_HoldsBackOnlyItsOwnChat_AndTheBatchStaysUnconfirmedUntilItCommits()
    {
        var outage = 1;
        Host.Handler.BeforeCommit = (message, _) =>
            message.PlatformMessageId == "4000" && Volatile.Read(ref outage) == 1
                ? throw new InvalidOperationException("Simulated failure of one chat's turn.")
                : Task.CompletedTask;

        Api.Enqueue(Updates.Text(4000, Updates.SecretSentence, Updates.PersonId));
        Api.Enqueue(Updates.Text(4001, "okay", PersonB));
        Api.Enqueue(Updates.Text(4002, "later in chat A", Updates.PersonId));
        Api.Enqueue(Updates.Text(4003, "more", PersonB));
        await Host.StartAsync();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count(m => m.Chat.ChatId == ChatB) == 2, "chat B goes on while chat A fails");
        await Eventually.TrueAsync(() => Host.Handler.Calls.Count(m => m.PlatformMessageId == "4000") >= 3, "chat A's update is retried");
        Assert.Equal(["4001", "4003"], Host.Handler.Committed.Select(m => m.PlatformMessageId));
        Assert.DoesNotContain(Host.Handler.Calls, m => m.PlatformMessageId == "4002");
        Assert.True(Api.ConfirmedOffset <= 4000, $"confirmed up to {Api.ConfirmedOffset} while 4000 is not committed");
        Assert.Null(Host.Get<TelegramPollingService>().Offset);

        Interlocked.Exchange(ref outage, 0);
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 4004, "the batch is confirmed once all of it is committed");
        Assert.Equal(["4001", "4003", "4000", "4002"], Host.Handler.Committed.Select(m => m.PlatformMessageId));
        Assert.Equal(4004, Host.Get<TelegramPollingService>().Offset);
    }

    [Fact]
    public async Task Polling_StoppedMidBatch_ConfirmsNothingOfIt_AndTheRestartDeliversItAgain()
    {
        Host.Handler.BeforeCommit = (message, token) =>
            message.Chat.ChatId == ChatA ? Task.Delay(Timeout.Infinite, token) : Task.CompletedTask;
        Api.Enqueue(Updates.Text(5000, "stuck", Updates.PersonId));
        Api.Enqueue(Updates.Text(5001, "okay", PersonB));
        await Host.StartAsync();
        var poller = Host.Get<TelegramPollingService>();

        await Eventually.TrueAsync(() => Host.Handler.Committed.Count == 1, "chat B is committed while chat A hangs");
        await Host.DisposeAsync();
        Assert.True(Api.ConfirmedOffset <= 5000, $"confirmed up to {Api.ConfirmedOffset} after stopping mid-batch");
        Assert.Null(poller.Offset);

        // The restarted process shares the same store (the handler): chat B's update is a duplicate, chat A's is new.
        Host.Handler.BeforeCommit = null;
        Host = new TelegramTestHost(Api, handler: Host.Handler);
        await Host.StartAsync();
        await Eventually.TrueAsync(() => Api.ConfirmedOffset == 5002, "the redelivered batch is confirmed");

        var outcomes = Host.Handler.Calls.Zip(Host.Handler.Outcomes, (m, o) => (m.PlatformMessageId, o)).ToList();
        Assert.Equal([("5000", HandleOutcome.Handled)], outcomes.Where(c => c.PlatformMessageId == "5000"));
        Assert.Equal([("5001", HandleOutcome.Handled), ("5001", HandleOutcome.Duplicate)], outcomes.Where(c => c.PlatformMessageId == "5001"));
    }
}
