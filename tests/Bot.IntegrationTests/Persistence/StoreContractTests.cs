using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.Replies;
using Bot.Host.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Persistence;

/// <summary>The same contract, run on PostgreSQL and on SQLite.</summary>
public abstract class StoreContractTests(StoreProvider provider) : IAsyncLifetime
{
    private StoreUnderTest _store = null!;

    protected StoreUnderTest Store => _store;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    protected static InboundMessage Message(string? text, string id, string user = "1001", string? choice = null) =>
        new(new ChatAddress(Platform.Telegram, user), user, id, DateTimeOffset.UnixEpoch, text, choice);

    protected Task<HandleOutcome> HandleAsync(InboundMessage message) =>
        Store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));

    protected Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) =>
        Store.InScopeAsync(sp => query(sp.GetRequiredService<BotDbContext>()));

    [Fact]
    public async Task FirstMessage_CreatesPersonConversationAndQueuedReplies()
    {
        var outcome = await HandleAsync(Message("/checkin", "1"));

        Assert.Equal(HandleOutcome.Handled, outcome);
        Assert.Equal(1, await DbAsync(db => db.People.CountAsync()));
        Assert.Equal(nameof(CheckInStep.Opened), await DbAsync(db => db.Conversations.Select(c => c.Step).SingleAsync()));
        Assert.Equal(2, await DbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending)));
    }

    [Fact]
    public async Task SameUpdateDeliveredTwice_IsHandledOnce()
    {
        await HandleAsync(Message("/checkin", "42"));
        var outboxBefore = await DbAsync(db => db.Outbox.CountAsync());

        var second = await HandleAsync(Message("/checkin", "42"));

        Assert.Equal(HandleOutcome.Duplicate, second);
        Assert.Equal(outboxBefore, await DbAsync(db => db.Outbox.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.ProcessedInbound.CountAsync()));
    }

    [Fact]
    public async Task ConversationState_SurvivesBetweenTurns_AndMoodIsRecorded()
    {
        await HandleAsync(Message("/checkin", "1"));
        await HandleAsync(Message(null, "2", choice: "mood:tired"));

        Assert.Equal(nameof(CheckInStep.OfferingGrounding), await DbAsync(db => db.Conversations.Select(c => c.Step).SingleAsync()));
        var history = await DbAsync(db => db.History.Select(h => new { h.Kind, h.Value }).ToListAsync());
        Assert.Contains(history, h => h.Kind == "mood" && h.Value == "tired");
    }

    [Fact]
    public async Task Delivery_SendsEverythingOnce_AndMarksItSent()
    {
        await HandleAsync(Message("/checkin", "1"));
        var delivery = Store.Services.GetRequiredService<OutboxDelivery>();

        while (await delivery.DeliverBatchAsync(CancellationToken.None) > 0)
        {
        }

        Assert.Equal(2, Store.Platform.Sent.Count);
        Assert.Equal(2, Store.Platform.IdempotencyKeys.Distinct().Count());
        Assert.Equal(0, await DbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending)));
        Assert.Contains(Store.Platform.Sent, m => m.Choices.Any(c => c.Id == "mood:okay"));
    }

    [Fact]
    public async Task Claim_PutsRepliesBeforeScheduledMessages_AndHoldsTheLease()
    {
        await HandleAsync(Message("/help", "1"));
        var now = Store.Clock.GetUtcNow();
        await DbAsync(async db =>
        {
            // An older scheduled message to someone else: the reply still goes first.
            var person = await db.People.SingleAsync();
            db.Outbox.Add(new OutboxRow
            {
                PersonId = person.Id, Platform = Platform.Telegram, ChatId = "2002", Lane = DeliveryLane.Scheduled,
                PayloadJson = """{"text":"scheduled","choices":[]}""", CreatedAt = now, AvailableAt = now,
            });
            return await db.SaveChangesAsync();
        });
        await DbAsync(db => db.Outbox.Where(o => o.Lane == DeliveryLane.Reply).ExecuteUpdateAsync(s => s.SetProperty(o => o.Id, o => o.Id + 1000)));

        var first = await ClaimAsync(1);
        var second = await ClaimAsync(10);
        var again = await ClaimAsync(10);
        Store.Clock.Advance(TimeSpan.FromMinutes(5));
        var afterLease = await ClaimAsync(10);

        Assert.Equal([DeliveryLane.Reply], first.Select(i => i.Lane).ToArray());
        Assert.Equal([DeliveryLane.Scheduled], second.Select(i => i.Lane).ToArray());
        Assert.Empty(again);
        Assert.Equal(2, afterLease.Count);
    }

    [Fact]
    public async Task Claim_TakesAChatInOrder_OlderScheduledMessageBeforeANewerReply()
    {
        await HandleAsync(Message("/help", "1"));
        var now = Store.Clock.GetUtcNow();
        await DbAsync(async db =>
        {
            var person = await db.People.SingleAsync();
            db.Outbox.Add(new OutboxRow
            {
                PersonId = person.Id, Platform = Platform.Telegram, ChatId = "1001", Lane = DeliveryLane.Scheduled,
                PayloadJson = """{"text":"scheduled","choices":[]}""", CreatedAt = now, AvailableAt = now,
            });
            return await db.SaveChangesAsync();
        });
        await DbAsync(db => db.Outbox.Where(o => o.Lane == DeliveryLane.Reply).ExecuteUpdateAsync(s => s.SetProperty(o => o.Id, o => o.Id + 1000)));

        var replyLaneOnly = await Store.InScopeAsync(sp => sp.GetRequiredService<IOutboxStore>().ClaimAsync(
            [Platform.Telegram], 10, now, TimeSpan.FromMinutes(1), CancellationToken.None, DeliveryLane.Reply));
        var both = await ClaimAsync(10);

        Assert.Empty(replyLaneOnly);
        Assert.Equal([DeliveryLane.Scheduled, DeliveryLane.Reply], both.Select(i => i.Lane).ToArray());
    }

    [Fact]
    public async Task Unreachable_PausesDeliveryToThatChat_UntilThePersonWritesAgain()
    {
        await HandleAsync(Message("/checkin", "1"));
        Store.Platform.Respond = _ => SendResult.NotReachable("blocked");
        var delivery = Store.Services.GetRequiredService<OutboxDelivery>();

        await delivery.DeliverBatchAsync(CancellationToken.None);

        Assert.False(await DbAsync(db => db.Identities.Select(i => i.Reachable).SingleAsync()));
        Assert.Equal(0, await DbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending)));

        await HandleAsync(Message("/help", "2"));
        Assert.True(await DbAsync(db => db.Identities.Select(i => i.Reachable).SingleAsync()));
    }

    [Fact]
    public async Task PlatformSaysBlocked_MarksThePersonUnreachable_AndUnblockedBringsThemBack()
    {
        await HandleAsync(Message("/help", "1"));
        var chat = new ChatAddress(Platform.Telegram, "1001");

        await Store.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IReachabilityHandler>().SetReachableAsync(chat, false, Store.Clock.GetUtcNow(), CancellationToken.None);
            return 0;
        });
        Assert.False(await DbAsync(db => db.Identities.Select(i => i.Reachable).SingleAsync()));

        await Store.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IReachabilityHandler>().SetReachableAsync(chat, true, Store.Clock.GetUtcNow(), CancellationToken.None);
            return 0;
        });
        Assert.True(await DbAsync(db => db.Identities.Select(i => i.Reachable).SingleAsync()));
    }

    [Fact]
    public async Task RetryLater_IsHonoured_ThenDelivered()
    {
        await HandleAsync(Message("/help", "1"));
        Store.Platform.Respond = _ => SendResult.Later(TimeSpan.FromSeconds(30), "429");
        var delivery = Store.Services.GetRequiredService<OutboxDelivery>();
        await delivery.DeliverBatchAsync(CancellationToken.None);

        Store.Platform.Respond = _ => SendResult.Sent;
        Assert.Equal(0, await delivery.DeliverBatchAsync(CancellationToken.None));
        Store.Clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await delivery.DeliverBatchAsync(CancellationToken.None));
        Assert.Single(Store.Platform.Sent);
    }

    [Fact]
    public async Task FreeText_IsEncryptedAtRest()
    {
        const string secret = "my very private sentence";
        var request = new TurnRequest(new ChatAddress(Platform.Telegram, "7"), "7", "1", Store.Clock.GetUtcNow());
        await Store.InScopeAsync(sp => sp.GetRequiredService<TurnLoop>().RunAsync(
            request,
            (context, _) => Task.FromResult(new TurnDecision(context.Person, context.Conversation, context.Replies,
                [new HistoryEntry("win", "win", secret, request.Now)], [], DeliveryLane.Reply, ScheduleChange.None)),
            CancellationToken.None));

        var raw = await DbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT free_text FROM history_entries";
            return (byte[])(await command.ExecuteScalarAsync())!;
        });
        var protector = Store.Services.GetRequiredService<FreeTextProtector>();

        Assert.DoesNotContain(secret, System.Text.Encoding.UTF8.GetString(raw), StringComparison.Ordinal);
        Assert.Equal(secret, protector.Unprotect(raw));
    }

    [Fact]
    public async Task ManyMessagesOfOnePersonAtOnce_AreAllHandled_OneAtATime()
    {
        await HandleAsync(Message("/help", "0"));
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 12).Select(i => HandleAsync(Message("/help", $"m{i}"))));

        Assert.All(outcomes, o => Assert.Equal(HandleOutcome.Handled, o));
        Assert.Equal(13, await DbAsync(db => db.ProcessedInbound.CountAsync()));
        var outbox = await DbAsync(db => db.Outbox.JsonAsync(Store.Services.GetRequiredService<FreeTextProtector>()));
        var notes = outbox
            .Select(p => System.Text.Json.JsonDocument.Parse(p).RootElement.GetProperty("text").GetString())
            .Count(text => ReplyCatalog.English[ReplyKey.SlowDownNote].Variants.Contains(text));
        Assert.Equal(1, notes);
        Assert.True(outbox.Count >= 13 + notes, "every message got its reply");
    }

    [Fact]
    public async Task Model_HasNoPendingChanges()
    {
        Assert.False(await DbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
    }

    private Task<IReadOnlyList<OutboxItem>> ClaimAsync(int max) =>
        Store.InScopeAsync(sp => sp.GetRequiredService<IOutboxStore>().ClaimAsync(
            [Platform.Telegram], max, Store.Clock.GetUtcNow(), TimeSpan.FromMinutes(1), CancellationToken.None));
}

public sealed class PostgresStoreContractTests() : StoreContractTests(StoreProvider.Postgres)
{
    [Fact]
    public async Task ConcurrentClaims_NeverHandTheSameMessageToTwoWorkers_AndKeepEachChatInOrder()
    {
        await HandleAsync(Message("/help", "seed"));
        var now = Store.Clock.GetUtcNow();
        await DbAsync(async db =>
        {
            var person = await db.People.SingleAsync();
            for (var i = 0; i < 300; i++)
            {
                db.Outbox.Add(new OutboxRow
                {
                    PersonId = person.Id, Platform = Platform.Telegram, ChatId = $"chat{i % 20}", Lane = DeliveryLane.Scheduled,
                    PayloadJson = """{"text":"x","choices":[]}""", CreatedAt = now, AvailableAt = now,
                });
            }

            return await db.SaveChangesAsync();
        });

        // Each worker claims, "sends" and marks; a chat's next rows come free only once the earlier ones are sent.
        var order = new System.Collections.Concurrent.ConcurrentQueue<OutboxItem>();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (await DbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending)) > 0)
            {
                var batch = await Store.InScopeAsync(sp => sp.GetRequiredService<IOutboxStore>().ClaimAsync(
                    [Platform.Telegram], 7, now, TimeSpan.FromMinutes(1), CancellationToken.None));
                foreach (var item in batch)
                {
                    order.Enqueue(item);
                }

                await Store.InScopeAsync(async sp =>
                {
                    await sp.GetRequiredService<IOutboxStore>().MarkSentAsync(batch.Select(b => b.Id).ToArray(), now, CancellationToken.None);
                    return 0;
                });
            }
        })));

        var all = order.ToArray();
        Assert.Equal(301, all.Length);
        Assert.Equal(all.Length, all.Select(i => i.Id).Distinct().Count());
        foreach (var chat in all.GroupBy(i => i.Message.Chat))
        {
            var ids = chat.Select(i => i.Id).ToArray();
            Assert.Equal(ids.Order().ToArray(), ids);
        }
    }
}
