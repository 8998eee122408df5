using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Bot.Core.Messaging;
using Bot.Core.Persistence;
using Bot.Core.SafetyPlan;
using Bot.Host.Scheduling;
using Bot.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.IntegrationTests.SafetyPlan;

/// <summary>The safety plan and the follow-up through the real handler and store, on PostgreSQL and on SQLite.</summary>
public abstract class SafetyPlanStoreTests(StoreProvider provider) : IAsyncLifetime
{
    private StoreUnderTest _store = null!;
    private int _id;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task PlanContactsAndWords_AreEncryptedAtRest()
    {
        await SayAsync("/safetyplan");
        await SayAsync("I go quiet; I stop eating");
        await PressAsync("plan:skip");
        await PressAsync("plan:skip");
        await SayAsync("Sam Okafor, 07700 900123");

        var raw = await _store.InScopeAsync(async sp =>
        {
            var connection = sp.GetRequiredService<BotDbContext>().Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT plan FROM safety_plans";
            return (byte[])(await command.ExecuteScalarAsync())!;
        });
        var text = System.Text.Encoding.UTF8.GetString(raw);
        Assert.DoesNotContain("07700", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Okafor", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stop eating", text, StringComparison.Ordinal);

        var plan = await _store.InScopeAsync(sp => sp.GetRequiredService<ISafetyPlanStore>().FindAsync(PersonId(sp), CancellationToken.None));
        Assert.Equal(["Sam Okafor, 07700 900123"], plan![SafetyPlanPart.PeopleToAsk]);
        Assert.Equal(["I go quiet", "I stop eating"], plan[SafetyPlanPart.WarningSigns]);
    }

    [Fact]
    public async Task ForgettingThePerson_RemovesThePlanAndTheFollowUp()
    {
        await SayAsync("/safetyplan");
        await SayAsync("racing thoughts");
        await SayAsync("/help");
        await SayAsync("I want to kill myself");
        await PressAsync("safe");
        await SayAsync("leave it here");
        await PressAsync("followup:yes");
        Assert.Equal(1, await DbAsync(db => db.Set<SafetyPlanRow>().CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Set<SafetyCareRow>().CountAsync()));

        // What /forget does last: the person row goes, and everything keyed by the person goes with it.
        await DbAsync(db => db.People.ExecuteDeleteAsync());

        Assert.Equal(0, await DbAsync(db => db.Set<SafetyPlanRow>().CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Set<SafetyCareRow>().CountAsync()));
    }

    [Fact]
    public async Task Export_IncludesThePlan_InTheirOwnWords()
    {
        await SayAsync("/safetyplan");
        await PressAsync("plan:skip");
        await PressAsync("plan:skip");
        await PressAsync("plan:skip");
        await SayAsync("Sam Okafor, 07700 900123");

        var export = await _store.InScopeAsync(sp => sp.GetRequiredService<IPersonDataStore>().ExportAsync(PersonId(sp), _store.Clock.GetUtcNow(), CancellationToken.None));

        Assert.Equal(["Sam Okafor, 07700 900123"], export.SafetyPlan!["peopleToAsk"]);
        Assert.Contains("07700 900123", System.Text.Encoding.UTF8.GetString(ExportFiles.Json(export).Content), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgetCommand_RemovesThePlanAndTheFollowUp()
    {
        await SayAsync("/help");
        await SayAsync("/safetyplan");
        await SayAsync("a long shower");
        await SayAsync("I want to kill myself");
        await PressAsync("safe");
        await SayAsync("leave it here");
        await PressAsync("followup:yes");

        await SayAsync("/forget");
        await PressAsync(ForgetFeature.YesChoice);

        Assert.Equal(0, await DbAsync(db => db.People.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Set<SafetyPlanRow>().CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Set<SafetyCareRow>().CountAsync()));
    }

    [Fact]
    public async Task FollowUp_IsDeliveredOnceWhenDue_AndCheckInsRestForADay()
    {
        await SayAsync("/help");
        await SayAsync("I want to kill myself");
        var crisisAt = _store.Clock.GetUtcNow();
        await PressAsync("safe");
        await SayAsync("leave it here");
        await PressAsync("followup:yes");

        var care = await DbAsync(db => db.Set<SafetyCareRow>().AsNoTracking().SingleAsync());
        Assert.Equal(crisisAt.AddHours(24), care.PauseUntil);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 19, 0, 0, TimeSpan.Zero), care.FollowUpDueAt);
        Assert.NotNull(await _store.InScopeAsync(sp => sp.GetRequiredService<ISafetyFollowUpStore>().CheckInsRestUntilAsync(PersonId(sp), crisisAt.AddHours(1), CancellationToken.None)));

        Assert.Equal(0, await RunFollowUpJobAsync());
        _store.Clock.SetUtcNow(care.FollowUpDueAt!.Value);
        Assert.Equal(1, await RunFollowUpJobAsync());
        Assert.Equal(0, await RunFollowUpJobAsync());

        var followUps = await DbAsync(db => db.Outbox.AsNoTracking().Where(o => o.Lane == DeliveryLane.Scheduled).CountAsync());
        Assert.Equal(1, followUps);
        Assert.Null(await DbAsync(db => db.Set<SafetyCareRow>().AsNoTracking().Select(c => c.FollowUpDueAt).SingleAsync()));
    }

    [Fact]
    public async Task CrisisInAGroup_IsQueuedForThePersonPrivately_AndTheGroupGetsOneNeutralLine()
    {
        var group = new ChatAddress(Platform.Telegram, "-100200300");
        var message = new InboundMessage(group, "5005", "77", _store.Clock.GetUtcNow(), "/checkin I want to die", null) { Kind = ChatKind.Group };

        var outcome = await _store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));
        var again = await _store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));

        Assert.Equal(HandleOutcome.Handled, outcome);
        Assert.Equal(HandleOutcome.Duplicate, again);
        var rows = await DbAsync(db => db.Outbox.PayloadsAsync(_store.Services.GetRequiredService<FreeTextProtector>()));
        Assert.Single(rows, r => r.ChatId == group.ChatId);
        Assert.Contains(rows, r => r.ChatId == "5005");
        Assert.DoesNotContain(rows, r => r.ChatId == group.ChatId && r.Json.Contains("findahelpline", StringComparison.Ordinal));
        Assert.Equal("5005", await DbAsync(db => db.Identities.Select(i => i.ChatId).SingleAsync()));
    }

    private Task<int> RunFollowUpJobAsync() => _store.InScopeAsync(sp => new SafetyFollowUpJob(
        sp.GetRequiredService<ISafetyFollowUpStore>(),
        sp.GetRequiredService<TurnLoop>(),
        sp.GetRequiredService<SafetyFollowUpFeature>(),
        sp.GetRequiredService<IOutboxSignal>(),
        _store.Clock,
        NullLogger<SafetyFollowUpJob>.Instance).DeliverDueAsync(CancellationToken.None));

    private static Guid PersonId(IServiceProvider sp) => sp.GetRequiredService<BotDbContext>().People.Select(p => p.Id).Single();

    private Task<HandleOutcome> SayAsync(string text) => HandleAsync(text, null);

    private Task<HandleOutcome> PressAsync(string choice) => HandleAsync(null, choice);

    private async Task<HandleOutcome> HandleAsync(string? text, string? choice)
    {
        var message = new InboundMessage(new ChatAddress(Platform.Telegram, "5005"), "5005", $"m{++_id}", _store.Clock.GetUtcNow(), text, choice);
        var outcome = await _store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));
        Assert.Equal(HandleOutcome.Handled, outcome);
        return outcome;
    }

    private Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) =>
        _store.InScopeAsync(sp => query(sp.GetRequiredService<BotDbContext>()));
}

public sealed class PostgresSafetyPlanStoreTests() : SafetyPlanStoreTests(StoreProvider.Postgres);

public sealed class SqliteSafetyPlanStoreTests() : SafetyPlanStoreTests(StoreProvider.Sqlite);
