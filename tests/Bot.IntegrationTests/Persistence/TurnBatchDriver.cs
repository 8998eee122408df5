using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bot.IntegrationTests.Persistence;

/// <summary>Runs people's turns through the turn loop and the store (so through the batcher on PostgreSQL) with decisions a test chooses.</summary>
public sealed class TurnBatchDriver(StoreUnderTest store)
{
    /// <summary>Starts a turn whose save waits for the gate, so its batch slot stays taken until the test opens it.</summary>
    public async Task<(TaskCompletionSource Gate, Task<bool> Turn)> HoldASlotAsync(string sender, string text)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turns = await HoldAsync(gate.Task, text, sender);
        return (gate, turns[0]);
    }

    /// <summary>
    /// Starts turns of known people (made known first, quietly) whose batch waits for the gate: their conversations are
    /// locked by another connection, the way a slow transaction would hold them, until the gate opens. Returns once their
    /// batch is waiting on that lock; senders that queued together wait in one batch.
    /// </summary>
    public async Task<Task<bool>[]> HoldAsync(Task gate, string text, params string[] senders)
    {
        foreach (var sender in senders)
        {
            Assert.True(await RunAsync(Request(sender, null), context => Task.FromResult(Quiet(context))));
        }

        var connectionString = await DbAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var locker = new NpgsqlConnection(connectionString);
        await locker.OpenAsync();
        var transaction = await locker.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(
            "SELECT c.person_id FROM conversations c JOIN platform_identities i ON i.person_id = c.person_id " +
            "WHERE i.external_user_id = ANY(@senders) FOR UPDATE OF c", locker, transaction))
        {
            command.Parameters.AddWithValue("senders", senders);
            await command.ExecuteNonQueryAsync();
        }

        _ = gate.ContinueWith(
            async _ =>
            {
                await transaction.CommitAsync();
                await locker.DisposeAsync();
            },
            TaskScheduler.Default);

        var turns = senders.Select(sender => RunAsync(Request(sender, "m0"), context => Task.FromResult(Say(context, text)))).ToArray();
        await WaitUntilBlockedByAsync(connectionString, locker.ProcessID);
        return turns;
    }

    /// <summary>Waits until this many decided turns wait for a batch (the held one's slot is taken, so they queue).</summary>
    public async Task WaitUntilQueuedAsync(int count)
    {
        var batcher = store.Services.GetRequiredService<TurnBatcher>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (batcher.Waiting < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{batcher.Waiting} of {count} turns reached the batcher");
            await Task.Delay(10);
        }
    }

    /// <summary>Waits until some session waits for a lock that the session <paramref name="pid"/> holds.</summary>
    public static async Task WaitUntilBlockedByAsync(string connectionString, int pid)
    {
        await using var watcher = new NpgsqlConnection(connectionString);
        await watcher.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE @pid = ANY(pg_blocking_pids(pid))", watcher);
            command.Parameters.AddWithValue("pid", pid);
            if ((long)(await command.ExecuteScalarAsync())! > 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "the held turns never reached their batch");
            await Task.Delay(20);
        }
    }

    /// <param name="messageId">Null for a turn the bot starts itself, which is saved alone, never batched.</param>
    public static TurnRequest Request(string sender, string? messageId, Platform platform = Platform.Telegram) =>
        new(new ChatAddress(platform, sender), sender, messageId, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A turn that changes nothing and says nothing.</summary>
    public static TurnDecision Quiet(TurnContext context) =>
        new(context.Person, context.Conversation, context.Replies, [], [], DeliveryLane.Reply, ScheduleChange.None);

    public static TurnDecision Say(TurnContext context, string text) => new(
        context.Person,
        context.Conversation,
        context.Replies,
        [new HistoryEntry("mood", "tired", null, DateTimeOffset.UnixEpoch)],
        [OutboundMessage.Plain(context.Chat, text)],
        DeliveryLane.Reply,
        ScheduleChange.None);

    /// <summary>Adds one to the conversation's attempts: two turns of one person must see each other's count.</summary>
    public static TurnDecision Count(TurnContext context) =>
        Say(context, "counted") with { Conversation = context.Conversation with { Attempts = context.Conversation.Attempts + 1 } };

    public Task<bool> RunAsync(TurnRequest request, Func<TurnContext, Task<TurnDecision>> decide) =>
        store.InScopeAsync(sp => sp.GetRequiredService<TurnLoop>().RunAsync(request, (context, _) => decide(context), CancellationToken.None));

    /// <summary>A turn that just says hello.</summary>
    public Task<bool> GreetAsync(string sender) => RunAsync(Request(sender, "m1"), context => Task.FromResult(Say(context, "hello")));

    public Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) =>
        store.InScopeAsync(sp => query(sp.GetRequiredService<BotDbContext>()));

    public Task<long> ScalarAsync(string sql) => DbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    });

    /// <summary>How many transactions wrote the conversations of these people (rows written together share an xmin).</summary>
    public Task<long> TransactionsOfAsync(params string[] senders) => ScalarAsync(
        "SELECT count(DISTINCT c.xmin::text) FROM conversations c JOIN platform_identities i ON i.person_id = c.person_id " +
        $"WHERE i.external_user_id IN ({string.Join(", ", senders.Select(s => $"'{s}'"))})");
}
