using System.Globalization;
using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Bot.Core.Scheduling;
using Bot.Host.Scheduling;
using Bot.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.IntegrationTests.Scheduling.Week;

/// <summary>
/// One person's days with the bot on a real store: what they send goes through the real handler, check-ins through the
/// real dispatcher, time through a fake clock. Each step returns the keys of what the bot wrote (<see cref="ReplyKeys"/>).
/// </summary>
internal sealed class WeekChat : IAsyncDisposable
{
    private const string User = "2001";
    private int _messageId;
    private long _seen;

    private WeekChat(StoreUnderTest store) => Store = store;

    public StoreUnderTest Store { get; private set; }

    public FakeTimeProvider Clock => Store.Clock;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Every step, for a readable failure: "> /settings", "< settings:summary settings:next".</summary>
    public List<string> Log { get; } = [];

    /// <summary>Texts of the last step's messages (for the few facts keys cannot carry, such as a time).</summary>
    public IReadOnlyList<string> LastTexts { get; private set; } = [];

    public static async Task<WeekChat> StartAsync(StoreProvider provider, DateTimeOffset now)
    {
        // Flood control has its own tests; a week squeezed into seconds must never be slowed.
        var store = await StoreUnderTest.CreateAsync(provider, services => services.AddSingleton(sp =>
            new FloodGuard(sp.GetRequiredService<TimeProvider>(), burst: 100_000, perSecond: 100_000)));
        store.Clock.SetUtcNow(now);
        return new WeekChat(store);
    }

    public Task<IReadOnlyList<string>> SayAsync(string text) => SendAsync(text, null);

    public Task<IReadOnlyList<string>> PressAsync(string choice) => SendAsync(null, choice);

    /// <summary>What the dispatcher does when it wakes now: due check-ins, timeouts and follow-ups.</summary>
    public async Task<IReadOnlyList<string>> DispatchAsync()
    {
        Log.Add($"  [{Now:ddd dd HH:mm}] dispatch");
        await Store.InScopeAsync(sp => sp.GetRequiredService<CheckInDispatcher>().DispatchDueAsync(CancellationToken.None));
        return await NewKeysAsync();
    }

    /// <summary>A new process over the same store: nothing in memory survives.</summary>
    public async Task RestartAsync()
    {
        Log.Add("  (restart)");
        Store = await Store.RestartAsync();
    }

    public Task<CheckInSchedule> ScheduleAsync() => Store.InScopeAsync(async sp =>
        await sp.GetRequiredService<BotDbContext>().Schedules.AsNoTracking().SingleOrDefaultAsync() is { } row
            ? ScheduleMapping.ToSchedule(row)
            : CheckInSchedule.Off);

    public Task<DateTimeOffset?> NextDueAtAsync() => Store.InScopeAsync(async sp =>
        await sp.GetRequiredService<BotDbContext>().Schedules.AsNoTracking().Select(s => s.NextDueAt).SingleOrDefaultAsync());

    public Task<string?> TimeZoneAsync() => Store.InScopeAsync(sp =>
        sp.GetRequiredService<BotDbContext>().People.AsNoTracking().Select(p => p.TimeZone).SingleOrDefaultAsync());

    /// <summary>
    /// Sends /settings and checks it against the stored schedule: a planned check-in is named exactly when one is planned
    /// (in the person's zone), "off" when they are off. Returns the planned moment.
    /// </summary>
    public async Task<DateTimeOffset?> SettingsAgreeAsync()
    {
        var keys = await SayAsync("/settings");
        var schedule = await ScheduleAsync();
        var planned = schedule.IsActive ? schedule.State.CheckInAt : null;
        if (planned is { } at)
        {
            Assert.True(keys.Contains("settings:next"), Describe("/settings should name the next check-in"));
            var zone = await TimeZoneAsync() ?? CheckInRules.DefaultTimeZone;
            var local = new QuartzCheckInCalendar().ToLocal(at, zone);
            Assert.True(
                LastTexts.Any(t => t.Contains(SchedulingCopy.When(local, zone), StringComparison.Ordinal)),
                Describe($"/settings should say {SchedulingCopy.When(local, zone)}"));
            Assert.InRange(at, Now, Now.AddDays(400));
        }
        else
        {
            Assert.False(keys.Contains("settings:next"), Describe("/settings names a check-in that is not planned"));
        }

        return planned;
    }

    /// <summary>
    /// Lets time pass to the next check-in /settings named, waking the dispatcher whenever the store says something is
    /// due before it; the check-in must come exactly then, and nothing scheduled before it. Returns its keys.
    /// </summary>
    public async Task<IReadOnlyList<string>> UntilCheckInAsync(DateTimeOffset expected)
    {
        for (var wakes = 0; wakes < 20; wakes++)
        {
            var due = await NextDueAtAsync();
            Assert.True(due is not null && due <= expected, Describe($"nothing due by {expected:u} (due {due:u})"));
            Clock.SetUtcNow(due!.Value > Now ? due.Value : Now);
            var keys = await DispatchAsync();
            if (keys.Any(IsCheckIn))
            {
                Assert.Equal(expected, Now);
                return keys;
            }
        }

        throw new Xunit.Sdk.XunitException(Describe("the check-in never came"));
    }

    /// <summary>Lets time pass to <paramref name="until"/>, waking the dispatcher on every due moment; returns everything scheduled.</summary>
    public async Task<IReadOnlyList<string>> PassTimeAsync(DateTimeOffset until)
    {
        var all = new List<string>();
        for (var wakes = 0; wakes < 200; wakes++)
        {
            var due = await NextDueAtAsync();
            if (due is null || due > until)
            {
                break;
            }

            Clock.SetUtcNow(due.Value > Now ? due.Value : Now);
            all.AddRange(await DispatchAsync());
        }

        Clock.SetUtcNow(until > Now ? until : Now);
        return all;
    }

    /// <summary>First contact the usual way: hello, yes to check-ins, a time zone, a time, no country.</summary>
    public async Task AgreeAsync(string timeZone, string time)
    {
        Assert.Equal(["Welcome", "AskConsent"], await SayAsync("hello"));
        Assert.Equal(["AskTimeZone"], await PressAsync("yes"));
        Assert.Equal(["TimeZoneSaved", "AskTime"], await SayAsync(timeZone));
        Assert.Equal(["TimeSaved", "AskCountry"], await SayAsync(time));
        Assert.Equal(["AllSet"], await PressAsync("skip"));
    }

    public static bool IsCheckIn(string key) => key is "Opener" or "OpenerWelcomeBack" or "OpenerAfterHardDay" or "settings:pauseOffer";

    public string Describe(string what) => what + "\n" + string.Join("\n", Log.TakeLast(30));

    public ValueTask DisposeAsync() => Store.DisposeAsync();

    private async Task<IReadOnlyList<string>> SendAsync(string? text, string? choice)
    {
        Log.Add($"  [{Now:ddd dd HH:mm}] > {text ?? "[" + choice + "]"}");
        var outcome = await Store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(
            new InboundMessage(new ChatAddress(Platform.Telegram, User), User, $"w{++_messageId}", Now, text, choice),
            CancellationToken.None));
        Assert.Equal(HandleOutcome.Handled, outcome);
        var keys = await NewKeysAsync();
        Clock.Advance(TimeSpan.FromSeconds(20));
        return keys;
    }

    private async Task<IReadOnlyList<string>> NewKeysAsync()
    {
        var protector = Store.Services.GetRequiredService<FreeTextProtector>();
        var rows = await Store.InScopeAsync(sp => sp.GetRequiredService<BotDbContext>().Outbox.AsNoTracking()
            .Where(o => o.Id > _seen).OrderBy(o => o.Id).ToListAsync());
        if (rows.Count > 0)
        {
            _seen = rows[^1].Id;
        }

        LastTexts = rows.Select(r => StateJson.Read<StoredMessage>(OutboxPayload.Json(protector, r)).Text).ToArray();
        var keys = LastTexts.SelectMany(ReplyKeys.Of).ToArray();
        Log.Add("      < " + string.Join(' ', keys));
        Assert.True(!keys.Contains("?"), Describe("a message no copy explains:\n" + string.Join("\n---\n", LastTexts)));
        return keys;
    }

    public static DateTimeOffset Utc(int day, int hour, int minute = 0) =>
        new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

    public override string ToString() => string.Join("\n", Log).ToString(CultureInfo.InvariantCulture);
}
