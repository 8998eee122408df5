using System.Text;
using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Persistence;

/// <summary>Issue 16: every outbox payload is encrypted with the free-text key ring; personal ones do not outlive their delivery.</summary>
public abstract class OutboxPrivacyTests(StoreProvider provider) : IAsyncLifetime
{
    private const string Chat = "6100200300";
    private StoreUnderTest _store = null!;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    private FreeTextProtector Protector => _store.Services.GetRequiredService<FreeTextProtector>();

    [Fact]
    public async Task EveryPayload_IsEncrypted_AndAPayloadWrittenUnderAnOldKeyIsDeliveredAfterRotation()
    {
        var message = new OutboundMessage(new ChatAddress(Platform.Telegram, Chat), "an ordinary reply about walnut 4471", [new ReplyChoice("c:1", "yes")]);
        await QueueAsync(message);

        var raw = await DbAsync(db => db.Outbox.Select(o => new { o.Payload, o.PayloadJson }).SingleAsync());
        Assert.Null(raw.PayloadJson);
        Assert.DoesNotContain("walnut", Encoding.UTF8.GetString(raw.Payload!), StringComparison.Ordinal);

        var oldRing = _store.Services.GetRequiredService<StoreSettings>().KeyRing;
        var rotated = FreeTextProtector.Parse(FreeTextProtector.NewKeyRing("rotated") + "," + oldRing, "test");
        var claimed = await DbAsync(db => new EfOutboxStore(db, rotated).ClaimAsync([Platform.Telegram], 10, _store.Clock.GetUtcNow(), TimeSpan.FromMinutes(1), default));

        var item = Assert.Single(claimed);
        Assert.Equal((message.Chat, message.Text, "c:1"), (item.Message.Chat, item.Message.Text, item.Message.Choices.Single().Id));
    }

    [Fact]
    public async Task APlaintextRowFromBeforeTheUpgrade_IsEncryptedByTheMigration_AndStillDelivered()
    {
        await DbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("OutboxPendingByChat");
            var now = provider == StoreProvider.Sqlite ? SqliteInstants.ToColumn(_store.Clock.GetUtcNow()) : _store.Clock.GetUtcNow();
            return await db.Database.ExecuteSqlAsync($"""
                INSERT INTO outbox_messages (platform, chat_id, lane, payload_json, status, created_at, available_at, attempts, delete_when_sent)
                VALUES ('Telegram', {Chat}, 0, {"""{"text":"queued before the upgrade 8812","choices":[]}"""}, 'Pending', {now}, {now}, 0, true)
                """);
        });

        await _store.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
            return 0;
        });

        var row = await DbAsync(db => db.Outbox.AsNoTracking().SingleAsync());
        Assert.Null(row.PayloadJson);
        Assert.DoesNotContain("8812", Encoding.UTF8.GetString(row.Payload!), StringComparison.Ordinal);
        await DeliverAsync();
        Assert.Equal("queued before the upgrade 8812", Assert.Single(_store.Platform.Sent).Text);
        Assert.Equal(0, await DbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task APersonalMessageThatFails_OrWhoseChatIsUnreachable_KeepsNoPayload_OthersKeepTheirs()
    {
        ChatAddress failing = new(Platform.Telegram, Chat), blocked = new(Platform.Telegram, "6100200399");
        await QueueAsync(
            new OutboundMessage(failing, "your code: 7QX", []) { Personal = true },
            OutboundMessage.Plain(failing, "see you tomorrow"),
            new OutboundMessage(blocked, "your words", []) { Personal = true },
            OutboundMessage.Plain(blocked, "a gentle hello"));
        _store.Platform.Respond = m => m.Chat == blocked ? SendResult.NotReachable("blocked") : SendResult.Refused("400");

        await DeliverAsync();

        var rows = await DbAsync(db => db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync());
        Assert.Equal(
            [(OutboxStatus.Failed, false), (OutboxStatus.Failed, true), (OutboxStatus.Unreachable, false), (OutboxStatus.Unreachable, true)],
            rows.Select(r => (r.Status, r.Payload is not null)));
        Assert.All(rows, r => Assert.Null(r.PayloadJson));
    }

    private Task QueueAsync(params OutboundMessage[] messages) => DbAsync(db =>
    {
        db.Outbox.AddRange(messages.Select(m => TurnRows.Outbox(Protector, null, m, DeliveryLane.Reply, _store.Clock.GetUtcNow())));
        return db.SaveChangesAsync();
    });

    private Task DeliverAsync() => _store.DeliverAllAsync();

    private Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) => _store.DbAsync(query);
}

public sealed class PostgresOutboxPrivacyTests() : OutboxPrivacyTests(StoreProvider.Postgres);

public sealed class SqliteOutboxPrivacyTests() : OutboxPrivacyTests(StoreProvider.Sqlite);
