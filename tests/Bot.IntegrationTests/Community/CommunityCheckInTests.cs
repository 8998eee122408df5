using System.Data.Common;
using System.Text;
using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.Persistence;
using Bot.Testing;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Bot.Host.Community;
using Bot.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.Community;

/// <summary>Community check-ins end to end through the handler and the real store, on PostgreSQL and on SQLite.</summary>
public abstract class CommunityCheckInTests(StoreProvider provider) : IAsyncLifetime
{
    protected const string ChannelId = "channel:500000000000000009";
    protected static readonly ChatAddress Channel = new(Platform.Discord, ChannelId);

    private StoreUnderTest _store = null!;

    protected StoreUnderTest Store => _store;

    protected static readonly ChatAddress TelegramGroup = new(Platform.Telegram, "-1001234567890");

    protected CollectingChatPlatform Discord => Sender(Platform.Discord);

    protected CollectingChatPlatform Telegram => Sender(Platform.Telegram);

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(provider, services => services
        .AddCommunityCheckIns()
        .AddSingleton<IChatPlatform>(new CollectingChatPlatform(Platform.Discord)));

    /// <summary>The community posts a platform was handed by outbox delivery.</summary>
    protected static List<OutboundMessage> Posts(CollectingChatPlatform platform) => [.. platform.Sent.Where(m => m.CommunityPost is not null)];

    private CollectingChatPlatform Sender(Platform platform) =>
        Store.Services.GetServices<IChatPlatform>().OfType<CollectingChatPlatform>().First(p => p.Platform == platform);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    protected Task<HandleOutcome> HandleAsync(InboundMessage message) =>
        Store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));

    protected Task<HandleOutcome> GroupAsync(string? text, string id, string sender = "880000000000000001", string? choice = null, ChatAddress? chat = null, bool admin = true) =>
        HandleAsync(new InboundMessage(chat ?? Channel, sender, id, Store.Clock.GetUtcNow(), text, choice) { Kind = ChatKind.Group, SenderIsChatAdmin = admin });

    /// <summary>The scheduled job's work: queue what is due in the outbox.</summary>
    protected Task<int> PostDueAsync() =>
        Store.InScopeAsync(sp => sp.GetRequiredService<CommunityPostDispatcher>().PostDueAsync(CancellationToken.None));

    protected async Task<int> PostDueAndDeliverAsync()
    {
        var queued = await PostDueAsync();
        await Store.DeliverAllAsync();
        return queued;
    }

    protected Task<List<OutboundMessage>> QueuedPostsAsync() => DbAsync(async db =>
    {
        var protector = Store.Services.GetRequiredService<FreeTextProtector>();
        var rows = await db.Outbox.AsNoTracking().OrderBy(o => o.Id).ToListAsync();
        return rows.Select(r => OutboxPayload.Read(protector, r)).Where(m => m.CommunityPost is not null).ToList();
    });

    protected Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) =>
        Store.InScopeAsync(sp => query(sp.GetRequiredService<BotDbContext>()));

    [Fact]
    public async Task Setup_StoresTheChannel_AnswersInTheChannel_AndStoresNoPerson()
    {
        // 09:00 UTC is 10:00 in Berlin: today's 09:00 has passed, so the first post is tomorrow.
        Assert.Equal(HandleOutcome.Handled, await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i1"));

        var channel = await DbAsync(db => db.CommunityChannels.SingleAsync());
        Assert.Equal((Platform.Discord, ChannelId, new TimeOnly(9, 0), "Europe/Berlin", (DateOnly?)new DateOnly(2026, 11, 24)),
            (channel.Platform, channel.ChatId, channel.LocalTime, channel.TimeZone, channel.LastPostedOn));
        var reply = await DbAsync(db => db.Outbox.SingleAsync());
        Assert.Equal((ChannelId, (Guid?)null), (reply.ChatId, reply.PersonId));
        Assert.Equal(0, await DbAsync(db => db.People.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Identities.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.Conversations.CountAsync()));
    }

    [Fact]
    public async Task Setup_ByAnAdminWhoAlsoTalksPrivately_LeavesTheirPrivateAddressAlone()
    {
        const string admin = "880000000000000002";
        await HandleAsync(new InboundMessage(new ChatAddress(Platform.Discord, admin), admin, "p1", Store.Clock.GetUtcNow(), "/help", null));

        await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i1", sender: admin);
        await GroupAsync(null, "i2", sender: admin, choice: CommunityFeature.OkayChoiceId);

        var identity = await DbAsync(db => db.Identities.SingleAsync());
        Assert.Equal(admin, identity.ChatId);
        Assert.Equal(1, await DbAsync(db => db.People.CountAsync()));
    }

    [Fact]
    public async Task Okay_IsCountedOncePerPerson_NothingPersonalIsStored_AndTheCountShowsInTheNextPost()
    {
        await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i0");
        var senders = Enumerable.Range(1, 6).Select(i => $"99000000000000000{i}").ToList();
        var n = 0;
        foreach (var sender in senders.Append(senders[0]))
        {
            Assert.Equal(HandleOutcome.Handled, await GroupAsync(null, $"ok{n++}", sender, CommunityFeature.OkayChoiceId));
        }

        Assert.Equal(6, await DbAsync(db => db.CommunityAnswers.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Outbox.CountAsync())); // the setup confirmation only: a click says nothing in public
        var raw = await DumpAllTablesAsync();
        Assert.All(senders, sender => Assert.DoesNotContain(sender, raw, StringComparison.Ordinal));
        Assert.Equal(0, await DbAsync(db => db.People.CountAsync()));

        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero)); // 09:00 in Berlin
        Assert.Equal(1, await PostDueAndDeliverAsync());

        var post = Assert.Single(Posts(Discord));
        Assert.Equal((Channel, new DateOnly(2026, 11, 25), (int?)6), (post.Chat, post.CommunityPost!.Day, post.CommunityPost.AnsweredSinceLastPost));
        Assert.Equal(0, await DbAsync(db => db.CommunityAnswers.CountAsync()));
        Assert.Equal(0, await DbAsync(db => db.CommunityDays.CountAsync()));
    }

    [Fact]
    public async Task ABurstOfClicks_IsAllCounted_AndNothingIsSaidInTheChannel()
    {
        await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i0");

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            GroupAsync(null, $"burst{i}", $"9900000000000001{i:00}", CommunityFeature.OkayChoiceId)));

        Assert.All(outcomes, o => Assert.Equal(HandleOutcome.Handled, o));
        Assert.Equal(12, await DbAsync(db => db.CommunityAnswers.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.Outbox.CountAsync())); // only the setup confirmation, no flood note in public
    }

    [Fact]
    public async Task CrisisLanguageInAGroupCommand_NeverReachesTheFeature_AndIsNeverEchoedInTheChannel()
    {
        await GroupAsync("/community setup 500000000000000009 09:00 i want to end my life", "c1");

        Assert.Equal(0, await DbAsync(db => db.CommunityChannels.CountAsync()));
        var protector = Store.Services.GetRequiredService<FreeTextProtector>();
        var payloads = await DbAsync(db => db.Outbox.JsonAsync(protector));
        Assert.All(payloads, p => Assert.DoesNotContain("end my life", p, StringComparison.OrdinalIgnoreCase));

        // Issue 9: the person is answered in private (safety mode needs their conversation); the channel hears one
        // neutral line and nothing of the crisis response.
        Assert.Equal(1, await DbAsync(db => db.People.CountAsync()));
        var toChannel = await DbAsync(db => db.Outbox.Where(o => o.ChatId == Channel.ChatId).JsonAsync(protector));
        Assert.Contains("/sos", Assert.Single(toChannel), StringComparison.Ordinal);
        Assert.Contains(await DbAsync(db => db.Outbox.Select(o => o.ChatId).ToListAsync()), chat => chat == "880000000000000001");
    }

    [Fact]
    public async Task FourAnswers_AreNeverShown()
    {
        await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i0");
        for (var i = 1; i <= 4; i++)
        {
            await GroupAsync(null, $"ok{i}", $"99000000000000000{i}", CommunityFeature.OkayChoiceId);
        }

        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        await PostDueAndDeliverAsync();

        Assert.Null(Assert.Single(Posts(Discord)).CommunityPost!.AnsweredSinceLastPost);
    }

    [Fact]
    public async Task Stop_EndsThePosts()
    {
        await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i0");
        await GroupAsync("/community stop", "i1");

        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(0, await PostDueAsync());
        Assert.Equal(0, await DbAsync(db => db.CommunityChannels.CountAsync()));
    }

    [Fact]
    public async Task ADuePost_IsAnOutboxRowOnTheScheduledLane_UntilDeliverySendsIt()
    {
        await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i0");
        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

        Assert.Equal(1, await PostDueAsync());

        Assert.Empty(Posts(Discord)); // the job only queues; delivery sends
        var row = await DbAsync(db => db.Outbox.Where(o => o.Lane == DeliveryLane.Scheduled).SingleAsync());
        Assert.Equal((Platform.Discord, ChannelId, (Guid?)null, OutboxStatus.Pending), (row.Platform, row.ChatId, row.PersonId, row.Status));
        Assert.Equal(new DateOnly(2026, 11, 25), Assert.Single(await QueuedPostsAsync()).CommunityPost!.Day);

        await Store.DeliverAllAsync();
        Assert.Single(Posts(Discord));
        Assert.Equal(0, await PostDueAndDeliverAsync()); // the day is claimed: queued once, sent once
        Assert.Single(Posts(Discord));
    }

    [Fact]
    public async Task APostThePlatformCannotTakeNow_StaysInTheOutbox_AndDeliveryRetriesIt()
    {
        await GroupAsync("/community setup 500000000000000009 09:00 Europe/Berlin", "i0");
        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
        Discord.Respond = m => m.CommunityPost is null ? SendResult.Sent : SendResult.Later(TimeSpan.FromSeconds(30), "discord 502");

        Assert.Equal(1, await PostDueAndDeliverAsync());
        Assert.Empty(Posts(Discord));
        Assert.Single(await QueuedPostsAsync());

        Discord.Respond = _ => SendResult.Sent;
        Store.Clock.Advance(TimeSpan.FromMinutes(1));
        await Store.DeliverAllAsync();
        Assert.Equal(0, await PostDueAsync());
        Assert.Single(Posts(Discord));
    }

    [Fact]
    public async Task DailyPostOnTelegram_ByAnAdmin_IsKeptByTheStore_PostsNowThroughTheOutbox_AndDailyFromTomorrow()
    {
        Assert.Equal(HandleOutcome.Handled, await GroupAsync("/dailypost", "t1", chat: TelegramGroup));

        var row = await DbAsync(db => db.CommunityChannels.SingleAsync());
        Assert.Equal((Platform.Telegram, TelegramGroup.ChatId, "UTC", (DateOnly?)new DateOnly(2026, 11, 24)), (row.Platform, row.ChatId, row.TimeZone, row.LastPostedOn));
        Assert.Single(await QueuedPostsAsync()); // today's invitation, in the outbox with the confirmation
        Assert.Equal(0, await PostDueAsync()); // today is served by it

        await Store.DeliverAllAsync();
        Assert.Equal([CommunityCopy.English.DailyPostDone, ""], Telegram.Sent.Where(m => m.Chat == TelegramGroup).Select(m => m.Text));
        Assert.Single(Posts(Telegram));

        Store.Clock.SetUtcNow(Store.Clock.GetUtcNow().AddDays(1));
        Assert.Equal(1, await PostDueAndDeliverAsync());
        Assert.Equal(2, Posts(Telegram).Count);

        await GroupAsync("/stopdailypost", "t2", chat: TelegramGroup);
        Assert.Equal(0, await DbAsync(db => db.CommunityChannels.CountAsync()));
    }

    [Fact]
    public async Task DailyPostOnTelegram_FromSomeoneWhoIsNotAnAdmin_StoresNothing_AndIsAnsweredKindly()
    {
        await GroupAsync("/dailypost 09:00 Europe/Berlin", "t1", chat: TelegramGroup, admin: false);
        await GroupAsync("/community setup 09:00 Europe/Berlin", "t2", chat: TelegramGroup, admin: false);

        Assert.Equal(0, await DbAsync(db => db.CommunityChannels.CountAsync()));
        await Store.DeliverAllAsync();
        Assert.Equal([CommunityCopy.English.AdminsOnly, CommunityCopy.English.AdminsOnly], Telegram.Sent.Select(m => m.Text));
    }

    [Fact]
    public async Task DailyPostAtALocalTime_PostsAtThatTimeInItsZone()
    {
        await GroupAsync("/dailypost 18:00 Europe/Berlin", "t1", chat: TelegramGroup);
        Assert.Null(await DbAsync(db => db.CommunityChannels.Select(c => c.LastPostedOn).SingleAsync())); // 18:00 is still to come today

        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 16, 59, 0, TimeSpan.Zero)); // 17:59 in Berlin
        Assert.Equal(0, await PostDueAsync());
        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 17, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await PostDueAndDeliverAsync());
        Assert.Equal(TelegramGroup, Assert.Single(Posts(Telegram)).Chat);
    }

    /// <summary>Every row of every table, as text (blobs both as UTF-8 and as hex).</summary>
    private Task<string> DumpAllTablesAsync() => DbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = db.Provider == StoreProvider.Postgres
                ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
                : "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                AppendRow(dump.Append(table).Append(':'), reader);
            }
        }

        return dump.ToString();
    });

    private static void AppendRow(StringBuilder dump, DbDataReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var value = reader.GetValue(i);
            dump.Append(value is byte[] bytes ? Encoding.UTF8.GetString(bytes) + Convert.ToHexString(bytes) : value.ToString()).Append('|');
        }

        dump.AppendLine();
    }
}

public sealed class PostgresCommunityCheckInTests() : CommunityCheckInTests(StoreProvider.Postgres)
{
    [Fact]
    public async Task ConcurrentJobRuns_PostEveryChannelExactlyOnce()
    {
        var channels = Enumerable.Range(0, 20).Select(i => new ChatAddress(Platform.Discord, $"channel:5100000000000000{i:00}")).ToList();
        await Store.InScopeAsync(async sp =>
        {
            var store = (Bot.Adapters.Persistence.EfCommunityStore)sp.GetRequiredService<ICommunityStore>();
            foreach (var channel in channels)
            {
                await store.SaveChannelAsync(new CommunityChannel(channel, new TimeOnly(8, 0), "Europe/Berlin"), null, Store.Clock.GetUtcNow(), CancellationToken.None);
            }

            return 0;
        });

        // Two replicas' jobs firing at the same moment, a few times over.
        var runs = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(PostDueAsync)));

        Assert.Equal(channels.Count, runs.Sum());
        Assert.Equal(channels.Count, (await QueuedPostsAsync()).Count);
        await Store.DeliverAllAsync();
        Assert.Equal(channels.Select(c => c.ChatId).Order(), Posts(Discord).Select(p => p.Chat.ChatId).Order());
    }
}

public sealed class SqliteCommunityCheckInTests() : CommunityCheckInTests(StoreProvider.Sqlite);
