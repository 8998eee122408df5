using Bot.Adapters.Persistence;
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

    [Fact]
    public async Task TenThousandCheckInsInAsManyChats_AreClaimedAHundredAtATime_WithoutComparingEveryRowWithEveryOther()
    {
        var now = _store.Clock.GetUtcNow();
        await InScopeAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE outbox_messages");
            await db.Database.ExecuteSqlRawAsync(
                "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET plan_cache_mode = force_generic_plan', current_database()); END $$");
            var protector = _store.Services.GetRequiredService<FreeTextProtector>();
            db.Outbox.AddRange(Enumerable.Range(0, Burst).Select(i =>
                TurnRows.Outbox(protector, null, OutboundMessage.Plain(new ChatAddress(Platform.Telegram, $"c{i}"), "time for a check-in"), DeliveryLane.Scheduled, now)));
            await db.SaveChangesAsync();
            return 0;
        });
        NpgsqlConnection.ClearAllPools();

        // Npgsql prepares a statement after its fifth run, and from then on this database plans it generically. Before the
        // status was written into the statement, such a claim compared every pending row with every other one: 36 s for
        // 10,000 on a 2-core machine, past the 30 s command timeout. Now each takes milliseconds; the limit only keeps a
        // regression from hanging the suite.
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
