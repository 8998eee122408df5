using Bot.Adapters.Persistence;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Persistence;

/// <summary>Runs people's turns through the store (so through the batcher on PostgreSQL) with decisions a test chooses.</summary>
internal sealed class TurnBatchDriver(StoreUnderTest store)
{
    /// <summary>Starts a turn whose decision waits for the gate, so its batch slot stays taken until the test opens it.</summary>
    public async Task<(TaskCompletionSource Gate, Task<bool> Turn)> HoldASlotAsync(string sender, string text)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turns = await HoldAsync(gate.Task, text, sender);
        return (gate, turns[0]);
    }

    /// <summary>
    /// Starts turns whose decisions wait for the gate and returns once one of them is deciding. Turns in one batch are
    /// decided in order, so senders that queued together hold one slot together.
    /// </summary>
    public async Task<Task<bool>[]> HoldAsync(Task gate, string text, params string[] senders)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var turns = senders.Select(sender => RunAsync(Request(sender, "m0"), async context =>
        {
            started.TrySetResult();
            await gate;
            return Say(context, text);
        })).ToArray();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return turns;
    }

    public static TurnRequest Request(string sender, string messageId, Platform platform = Platform.Telegram) =>
        new(new ChatAddress(platform, sender), sender, messageId, new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)) { MayShareTransaction = true };

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
        store.InScopeAsync(sp => sp.GetRequiredService<IConversationStore>().RunTurnAsync(request, (context, _) => decide(context), CancellationToken.None));

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
