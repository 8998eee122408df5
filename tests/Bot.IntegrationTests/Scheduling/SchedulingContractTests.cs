using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.Conversations;
using Bot.Core.Messaging;
using Bot.Core.Scheduling;
using Bot.Host.Scheduling;
using Bot.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Scheduling;

/// <summary>Preferences by command and the dispatcher, with a fake clock, on PostgreSQL and on SQLite.</summary>
public abstract class SchedulingContractTests(StoreProvider provider) : IAsyncLifetime
{
    private const string User = "1001";
    private int _messageId;
    private StoreUnderTest _store = null!;

    protected StoreUnderTest Store => _store;

    public async Task InitializeAsync()
    {
        _store = await StoreUnderTest.CreateAsync(provider);
        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero)); // 10:00 in Berlin
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    protected Task SayAsync(string text, string? choice = null) =>
        Store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(
            new InboundMessage(new ChatAddress(Platform.Telegram, User), User, $"m{++_messageId}", Store.Clock.GetUtcNow(), text, choice),
            CancellationToken.None));

    protected Task<int> DispatchAsync() =>
        Store.InScopeAsync(sp => sp.GetRequiredService<CheckInDispatcher>().DispatchDueAsync(CancellationToken.None));

    protected Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) =>
        Store.InScopeAsync(sp => query(sp.GetRequiredService<BotDbContext>()));

    private Task<ScheduleRow> ScheduleAsync() => DbAsync(db => db.Schedules.AsNoTracking().SingleAsync());

    private async Task<CheckInSchedule> CoreScheduleAsync() => ScheduleMapping.ToSchedule(await ScheduleAsync());

    private FreeTextProtector Protector => Store.Services.GetRequiredService<FreeTextProtector>();

    private async Task<string> LastReplyAsync() =>
        (await DbAsync(db => db.Outbox.Where(o => o.Lane == DeliveryLane.Reply).OrderByDescending(o => o.Id).Take(1).JsonAsync(Protector))).Single();

    private Task<List<string>> ScheduledAsync() =>
        DbAsync(db => db.Outbox.Where(o => o.Lane == DeliveryLane.Scheduled).OrderBy(o => o.Id).JsonAsync(Protector));

    protected async Task AdvanceToDueAsync()
    {
        var due = (await ScheduleAsync()).NextDueAt!.Value;
        Store.Clock.SetUtcNow(due);
    }

    protected async Task SetUpBerlinMorningsAsync()
    {
        await SayAsync("/timezone Europe/Berlin");
        await SayAsync("/window 09:00-10:00");
        await SayAsync(null!, "sched:yes");
    }

    /// <summary>The engine only checks in with people it has introduced itself to (first contact is its business).</summary>
    private Task IntroducedAsync() => DbAsync(async db =>
    {
        var row = await db.Conversations.SingleAsync();
        row.StateJson = StateJson.Write(StateJson.Read<Conversation>(row.StateJson) with { Introduced = true });
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task TimeZoneCommand_Known_IsKept_AndTheYesSaysWhenTheNextComesInLocalTime()
    {
        await SayAsync("/timezone europe/berlin");
        Assert.False((await ScheduleAsync()).Enabled);
        Assert.Null((await ScheduleAsync()).NextDueAt);

        await SayAsync(null!, "sched:yes");

        var schedule = await ScheduleAsync();
        var reply = await LastReplyAsync();
        Assert.True(schedule.Enabled);
        Assert.Equal("Europe/Berlin", await DbAsync(db => db.People.Select(p => p.TimeZone).SingleAsync()));
        Assert.NotNull(schedule.NextDueAt);
        Assert.Contains("(Europe/Berlin)", reply);
        Assert.Contains("19:", reply); // the default window, in Berlin time
    }

    [Fact]
    public async Task TimeZoneCommand_Unknown_AnswersKindlyWithExamples_AndChangesNothing()
    {
        await SayAsync("/timezone Mars/Olympus");

        Assert.False((await ScheduleAsync()).Enabled);
        Assert.Null(await DbAsync(db => db.People.Select(p => p.TimeZone).SingleAsync()));
        Assert.Contains("America/New_York", await LastReplyAsync());
    }

    [Fact]
    public async Task WindowCommand_PlansTheNextCheckInInsideTheWindow_Tomorrow()
    {
        await SetUpBerlinMorningsAsync();

        var due = (await ScheduleAsync()).NextDueAt!.Value;
        Assert.InRange(due, new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
        Assert.Contains("Wed 25 Nov, 09:", await LastReplyAsync());
    }

    [Fact]
    public async Task Dispatcher_DueCheckIn_IsWrittenOnceToTheScheduledLane_AndOpensTheConversation()
    {
        await SetUpBerlinMorningsAsync();
        await AdvanceToDueAsync();

        var first = await DispatchAsync();
        var second = await DispatchAsync();

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        Assert.Single(await ScheduledAsync());
        Assert.NotEqual(nameof(CheckInStep.Idle), await DbAsync(db => db.Conversations.Select(c => c.Step).SingleAsync()));
        var next = (await CoreScheduleAsync()).State.CheckInAt!.Value;
        Assert.Equal(TimeSpan.FromDays(1), next - Store.Clock.GetUtcNow());
    }

    [Fact]
    public async Task Dispatcher_AClaimWhoseDecisionIsNeverSaved_IsDueAgainAfterTheLease_AndNotBefore()
    {
        await SetUpBerlinMorningsAsync();
        await AdvanceToDueAsync();

        // A claimer stops right after its claim (a crash): nothing of it is saved.
        var claimed = await Store.InScopeAsync(sp => sp.GetRequiredService<ICheckInDispatchStore>().ClaimDueAsync(Store.Clock.GetUtcNow(), 10, CancellationToken.None));
        Assert.Single(claimed);

        Assert.Equal(0, await DispatchAsync());
        Store.Clock.Advance(EfCheckInDispatchStore.ClaimLease);
        Assert.Equal(1, await DispatchAsync());
        Assert.Single(await ScheduledAsync());
    }

    [Fact]
    public async Task Dispatcher_APersonWhoSpokeWhileTheirCheckInWasDecided_KeepsTheirTurn_AndTheCheckInIsDecidedAgain()
    {
        await SetUpBerlinMorningsAsync();
        await AdvanceToDueAsync();
        var now = Store.Clock.GetUtcNow();
        var claimed = await Store.InScopeAsync(sp => sp.GetRequiredService<ICheckInDispatchStore>().ClaimDueAsync(now, 10, CancellationToken.None));
        var decisions = claimed.Select(due => Store.Services.GetRequiredService<CheckInDispatchPlanner>().Decide(due, now)).ToList();

        await SayAsync("/settings");
        var replyBefore = await LastReplyAsync();
        await Store.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<ICheckInDispatchStore>().SaveAsync(claimed, decisions, now, CancellationToken.None);
            return 0;
        });

        Assert.Empty(await ScheduledAsync());
        Assert.Equal(now, (await ScheduleAsync()).NextDueAt);
        Assert.Equal(replyBefore, await LastReplyAsync());
        Assert.Equal(1, await DispatchAsync());
        Assert.Single(await ScheduledAsync());
    }

    [Fact]
    public async Task Dispatcher_NotYetDue_ClaimsNothing()
    {
        await SetUpBerlinMorningsAsync();
        Store.Clock.SetUtcNow((await ScheduleAsync()).NextDueAt!.Value.AddSeconds(-1));

        Assert.Equal(0, await DispatchAsync());
        Assert.Empty(await ScheduledAsync());
    }

    [Fact]
    public async Task Dispatcher_UnansweredCheckIn_TimesOutAndClosesGently()
    {
        await SetUpBerlinMorningsAsync();
        await AdvanceToDueAsync();
        await DispatchAsync();

        Store.Clock.Advance(TimeSpan.FromHours(3));
        await DispatchAsync();

        Assert.Equal(nameof(CheckInStep.Closed), await DbAsync(db => db.Conversations.Select(c => c.Step).SingleAsync()));
        Assert.Equal(1, (await CoreScheduleAsync()).State.Unanswered);
    }

    [Fact]
    public async Task Dispatcher_UnreachablePerson_IsSkipped_AndNextDayIsPlanned()
    {
        await SetUpBerlinMorningsAsync();
        await DbAsync(db => db.Identities.ExecuteUpdateAsync(s => s.SetProperty(i => i.Reachable, false)));
        await AdvanceToDueAsync();
        var dueAt = Store.Clock.GetUtcNow();

        Assert.Equal(1, await DispatchAsync());

        Assert.Empty(await ScheduledAsync());
        Assert.Equal(dueAt.AddDays(1), (await CoreScheduleAsync()).State.CheckInAt);
    }

    [Fact]
    public async Task Dispatcher_ACheckInSkippedAndPlannedAgain_MovesTheVersionOn_SoATurnDecidedBeforeItDecidesAgain()
    {
        await SetUpBerlinMorningsAsync();
        await DbAsync(db => db.Identities.ExecuteUpdateAsync(s => s.SetProperty(i => i.Reachable, false)));
        await AdvanceToDueAsync();
        var before = await DbAsync(db => db.Conversations.Select(c => new { c.Step, c.Version }).SingleAsync());

        Assert.Equal(1, await DispatchAsync());

        var after = await DbAsync(db => db.Conversations.Select(c => new { c.Step, c.Version }).SingleAsync());
        Assert.Equal(before.Step, after.Step);
        Assert.Equal(before.Version + 1, after.Version);
    }

    [Fact]
    public async Task Dispatcher_SeveralUnanswered_OffersAPauseOnce_ThenComesLessOften()
    {
        await SetUpBerlinMorningsAsync();
        for (var day = 0; day < 3; day++)
        {
            await AdvanceToDueAsync();
            await DispatchAsync(); // check-in
            await AdvanceToDueAsync();
            await DispatchAsync(); // reply timeout
        }

        await AdvanceToDueAsync();
        var fourth = Store.Clock.GetUtcNow();
        await DispatchAsync();

        var scheduled = await ScheduledAsync();
        Assert.Contains("sched:pause:7d", scheduled[^1]);
        Assert.Single(scheduled, s => s.Contains("sched:pause:7d", StringComparison.Ordinal));
        var state = (await CoreScheduleAsync()).State;
        Assert.True(state.PauseOffered);
        Assert.Equal(fourth.AddDays(2), state.CheckInAt);
    }

    [Fact]
    public async Task Dispatcher_AnsweredCheckIn_ResetsTheUnansweredCount()
    {
        await SetUpBerlinMorningsAsync();
        await AdvanceToDueAsync();
        await DispatchAsync();
        await AdvanceToDueAsync();
        await DispatchAsync(); // timed out: 1 unanswered

        await AdvanceToDueAsync();
        await DispatchAsync();
        Store.Clock.Advance(TimeSpan.FromMinutes(5));
        await SayAsync(null!, "mood:okay");
        await AdvanceToDueAsync();
        await DispatchAsync(); // timeout, but they answered
        await AdvanceToDueAsync();
        await DispatchAsync();

        Assert.Equal(0, (await CoreScheduleAsync()).State.Unanswered);
    }

    [Fact]
    public async Task Skip_MovesTheNextCheckInOneDay()
    {
        await SetUpBerlinMorningsAsync();
        var planned = (await ScheduleAsync()).NextDueAt!.Value;

        await SayAsync("/skip");

        Assert.Equal(planned.AddDays(1), (await ScheduleAsync()).NextDueAt);
        Assert.Contains("Thu 26 Nov", await LastReplyAsync());
    }

    [Fact]
    public async Task Snooze_ComesBackAfterTheChosenTime()
    {
        await SetUpBerlinMorningsAsync();
        await AdvanceToDueAsync();
        await DispatchAsync(); // the check-in arrives; "not now, later"

        await SayAsync(null!, "sched:snooze:3h");

        var back = Store.Clock.GetUtcNow().AddHours(3);
        Assert.Equal(back, (await ScheduleAsync()).NextDueAt);
        Assert.Contains(SchedulingCopy.When(back.ToOffset(TimeSpan.FromHours(1)), "Europe/Berlin"), await LastReplyAsync());
    }

    [Fact]
    public async Task PauseUntilADate_FirstCheckInIsOnThatDay()
    {
        await SetUpBerlinMorningsAsync();

        await SayAsync("/pause until 2026-12-24");

        var due = (await ScheduleAsync()).NextDueAt!.Value;
        Assert.Equal(new DateTime(2026, 12, 24), due.ToOffset(TimeSpan.FromHours(1)).Date);
        Assert.Contains("Thu 24 Dec", await LastReplyAsync());
    }

    [Fact]
    public async Task QuietHours_CoveringTheWindow_AreRefused_AndThePlanStaysInTheWindow()
    {
        await SetUpBerlinMorningsAsync();
        var planned = (await ScheduleAsync()).NextDueAt;

        await SayAsync("/quiet 21:00-10:30");

        Assert.Null((await CoreScheduleAsync()).Preferences.Quiet);
        Assert.Equal(planned, (await ScheduleAsync()).NextDueAt);
        Assert.Contains("/window", await LastReplyAsync());
    }

    [Fact]
    public async Task QuietHours_OverPartOfTheWindow_TheCheckInMovesToThePartLeft()
    {
        await SetUpBerlinMorningsAsync();

        await SayAsync("/quiet 21:00-09:50");

        var due = (await ScheduleAsync()).NextDueAt!.Value;
        Assert.InRange(due, new DateTimeOffset(2026, 11, 25, 8, 50, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Stop_ThenResume_StopsDispatch_ThenPlansAgain()
    {
        await SetUpBerlinMorningsAsync();
        await SayAsync("/stop");
        await AdvanceToDueAsync();

        Assert.Equal(0, await DispatchAsync());
        Assert.True((await ScheduleAsync()).Paused);

        await SayAsync("/resume");

        var schedule = await ScheduleAsync();
        Assert.False(schedule.Paused);
        Assert.True(schedule.NextDueAt > Store.Clock.GetUtcNow());
        Assert.Contains("next check-in", await LastReplyAsync());
    }

    [Fact]
    public async Task FollowUp_AfterASmallStep_ComesLaterThatDay()
    {
        await SetUpBerlinMorningsAsync();
        await RequestFollowUpAsync();

        await DispatchAsync(); // plans the follow-up: 4 hours later, same day
        Store.Clock.Advance(TimeSpan.FromHours(4));
        await DispatchAsync();

        Assert.Single(await ScheduledAsync(), s => s.Contains("small step", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUp_AfterACrisisResponse_IsNotSent_DuringTheDaysRest()
    {
        await SetUpBerlinMorningsAsync();
        await RequestFollowUpAsync();
        await DispatchAsync(); // plans the follow-up: 4 hours later, same day

        await SayAsync("i want to kill myself");
        Store.Clock.Advance(TimeSpan.FromHours(4));
        await DispatchAsync();

        Assert.DoesNotContain(await ScheduledAsync(), s => s.Contains("small step", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FollowUp_ThatWouldLandInQuietHours_IsDropped()
    {
        await SetUpBerlinMorningsAsync();
        await SayAsync("/quiet 22:00-07:00");
        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 18, 0, 0, TimeSpan.Zero)); // 19:00 in Berlin
        await RequestFollowUpAsync();

        await DispatchAsync();
        Store.Clock.Advance(TimeSpan.FromHours(5));
        await DispatchAsync();

        Assert.DoesNotContain(await ScheduledAsync(), s => s.Contains("small step", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckInsAgreedInTheConversation_AreDispatchedAtTheChosenLocalTime()
    {
        await SayAsync("/timezone Europe/Berlin");
        await IntroducedAsync();
        await DbAsync(async db =>
        {
            var person = await db.People.Select(p => p.Id).SingleAsync();
            await EfScheduleStore.ApplyCheckInPreferenceAsync(db, person, new Bot.Core.Persistence.CheckInPreference(true, new TimeOnly(8, 0)), Store.Clock.GetUtcNow(), CancellationToken.None);
            return await db.SaveChangesAsync();
        });

        await DispatchAsync(); // plans the first one

        var next = (await CoreScheduleAsync()).State.CheckInAt!.Value;
        Assert.InRange(next, new DateTimeOffset(2026, 11, 25, 7, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 25, 7, 30, 0, TimeSpan.Zero));
        Assert.Empty(await ScheduledAsync());
    }

    [Fact]
    public async Task BlockedOnThePlatform_NoCheckIns_UntilTheyWriteAgain()
    {
        await SetUpBerlinMorningsAsync();
        await Store.InScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IReachabilityHandler>().SetReachableAsync(new ChatAddress(Platform.Telegram, User), false, Store.Clock.GetUtcNow(), CancellationToken.None);
            return 0;
        });
        await AdvanceToDueAsync();
        await DispatchAsync();
        Assert.Empty(await ScheduledAsync());

        await SayAsync("/settings");
        await AdvanceToDueAsync();
        await DispatchAsync();

        Assert.Single(await ScheduledAsync());
    }

    private async Task RequestFollowUpAsync()
    {
        await DbAsync(async db =>
        {
            var person = await db.People.Select(p => p.Id).SingleAsync();
            await EfScheduleStore.RequestFollowUpAsync(db, person, Store.Clock.GetUtcNow(), CancellationToken.None);
            return await db.SaveChangesAsync();
        });
    }
}

public sealed class PostgresSchedulingTests() : SchedulingContractTests(StoreProvider.Postgres)
{
    /// <summary>
    /// Their rows were kept from their last turn (<see cref="Bot.Adapters.Persistence.Turns.RecentTurnRows"/>); the check-in
    /// moved their conversation on, so their answer is read afresh and decided once, on the check-in.
    /// </summary>
    [Fact]
    public async Task Dispatcher_ACheckInToSomeoneWhoseRowsAreKept_TheirAnswerIsReadAfresh_AndDecidedOnce()
    {
        await SetUpBerlinMorningsAsync();
        await AdvanceToDueAsync();
        Assert.Equal(1, await DispatchAsync());
        var loads = Store.Services.GetRequiredService<Bot.Adapters.Persistence.Turns.TurnLoadBatcher>();
        var recent = Store.Services.GetRequiredService<Bot.Adapters.Persistence.Turns.RecentTurnRows>();
        var (reads, hits) = (loads.Reads, recent.Hits);

        await SayAsync(null!, "mood:okay");

        Assert.Equal(1, loads.Reads - reads);
        Assert.Equal(hits, recent.Hits);
        var step = await DbAsync(db => db.Conversations.Select(c => c.Step).SingleAsync());
        Assert.NotEqual(nameof(CheckInStep.Idle), step);
    }
}

public sealed class SqliteSchedulingTests() : SchedulingContractTests(StoreProvider.Sqlite);
