using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Adapters.Persistence.Turns;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bot.IntegrationTests.Persistence;

/// <summary>
/// The outbox claim on PostgreSQL when a burst of check-ins lands in an outbox whose statistics were taken while it was
/// empty, with the prepared statement's generic plan (what a busy process runs after a few claims).
/// </summary>
public sealed class OutboxClaimUnderBurstTests : IAsyncLifetime
{
    private const int Burst = 10_000;
    private StoreUnderTest _store = null!;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(StoreProvider.Postgres);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    /// <param name="sentBefore">Messages sent before the burst, still in the table when its statistics were taken: with
    /// none, the statistics are of an empty outbox; with some, of one where nothing is pending.</param>
    [Theory]
    [InlineData(0)]
    [InlineData(1_000)]
    public async Task TenThousandCheckInsInAsManyChats_AreClaimedAHundredAtATime_WithoutComparingEveryRowWithEveryOther(int sentBefore)
    {
        var now = _store.Clock.GetUtcNow();
        await InScopeAsync(async db =>
        {
            var protector = _store.Services.GetRequiredService<FreeTextProtector>();
            db.Outbox.AddRange(Enumerable.Range(0, sentBefore).Select(i => TurnRows.Outbox(
                protector, null, OutboundMessage.Plain(new ChatAddress(Platform.Telegram, $"earlier{i}"), "hello"), DeliveryLane.Reply, now)));
            await db.SaveChangesAsync();
            await db.Outbox.ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OutboxStatus.Sent));
            await db.Database.ExecuteSqlRawAsync("ANALYZE outbox_messages");
            await db.Database.ExecuteSqlRawAsync(
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_generic_plan', current_database()); END $$");
            db.Outbox.AddRange(Enumerable.Range(0, Burst).Select(i =>
                TurnRows.Outbox(protector, null, OutboundMessage.Plain(new ChatAddress(Platform.Telegram, $"c{i}"), "time for a check-in"), DeliveryLane.Scheduled, now)));
            await db.SaveChangesAsync();
            return 0;
        });
        NpgsqlConnection.ClearAllPools();

        // Npgsql prepares a statement after its fifth run, and from then on this database plans it generically. Before the
        // claim was written to keep one plan, such a claim compared every pending row with every other one: 36 s (no
        // earlier messages) and 55 s (a thousand sent) for 10,000 on a 2-core machine, past the 30 s command timeout. Now
        // each takes milliseconds; the limit only keeps a regression from hanging the suite.
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var claimed = new List<OutboxItem>();
        for (var round = 0; round < 7; round++)
        {
            claimed.AddRange(await _store.InScopeAsync(sp => sp.GetRequiredService<IOutboxStore>()
                .ClaimAsync([Platform.Telegram], 100, now, TimeSpan.FromMinutes(1), limit.Token, DeliveryLane.Scheduled)));
        }

        Assert.Equal(700, claimed.Select(c => c.Message.Chat.ChatId).Distinct().Count());
        Assert.All(claimed, c => Assert.Equal(DeliveryLane.Scheduled, c.Lane));
    }

    private Task<T> InScopeAsync<T>(Func<BotDbContext, Task<T>> action) =>
        _store.InScopeAsync(sp => action(sp.GetRequiredService<BotDbContext>()));
}
