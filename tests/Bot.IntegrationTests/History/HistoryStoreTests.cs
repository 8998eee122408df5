using System.Text;
using System.Text.Json;
using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Bot.Core.Messaging;
using Bot.Host.Delivery;
using Bot.Host.History;
using Bot.IntegrationTests.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.IntegrationTests.History;

/// <summary>History, export, forget, link and retention, through the real handler and store, on both providers.</summary>
public abstract class HistoryStoreTests(StoreProvider provider) : IAsyncLifetime
{
    // Long, distinctive ids, so a text search of the whole database cannot match them by accident.
    private const string AliceTelegram = "7719000123";
    private const string AliceDiscord = "884422113355";
    private const string BobTelegram = "5550001777";

    private static readonly HistoryCopy Copy = HistoryCopy.English;
    private StoreUnderTest _store = null!;
    private int _messageId;

    private StoreUnderTest Store => _store;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(provider);

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task Forget_AfterConfirmation_LeavesNoRowAboutThePersonInAnyTable()
    {
        await LinkAliceAcrossPlatformsAsync();
        await SayAsync(AliceTelegram, "/win took a short walk");
        await SayAsync(AliceTelegram, "/checkin");
        await PressAsync(AliceTelegram, "mood:tired");
        await SayAsync(AliceDiscord, "/recap on");
        await SayAsync(AliceDiscord, "/link");
        var alice = await PersonIdAsync(Platform.Telegram, AliceTelegram);
        await Store.InScopeAsync(sp => ((Bot.Adapters.Persistence.EfOwnWordsStore)sp.GetRequiredService<IOwnWordsStore>()).KeepAsync(alice, "one step is enough", Store.Clock.GetUtcNow(), default));
        await SayAsync(BobTelegram, "/win made tea");
        await SayAsync(BobTelegram, "/recap on");
        string[] aliceNeedles = [alice.ToString(), AliceTelegram, AliceDiscord];
        Assert.NotEmpty(await DbAsync(db => DatabaseCatalog.FindAsync(db, aliceNeedles)));

        await SayAsync(AliceTelegram, "/forget");
        Assert.NotEmpty(await DbAsync(db => DatabaseCatalog.FindAsync(db, aliceNeedles)));
        await PressAsync(AliceTelegram, ForgetFeature.YesChoice);
        await DeliverAsync();

        Assert.Contains(Store.Platform.Sent, m => m.Chat.ChatId == AliceTelegram && m.Text == Copy.Text(HistoryText.ForgetDone));
        Assert.Empty(await DbAsync(db => DatabaseCatalog.FindAsync(db, aliceNeedles)));
        Assert.NotEmpty(await DbAsync(db => DatabaseCatalog.FindAsync(db, [BobTelegram])));
        Assert.Equal(1, await DbAsync(db => db.People.CountAsync()));
        Assert.Equal(1, await DbAsync(db => db.History.CountAsync()));
    }

    [Fact]
    public async Task Forget_WithoutConfirmation_DeletesNothing()
    {
        await SayAsync(AliceTelegram, "/win drank water");
        await SayAsync(AliceTelegram, "/forget");
        await PressAsync(AliceTelegram, ForgetFeature.NoChoice);
        await DeliverAsync();

        Assert.Equal(1, await DbAsync(db => db.History.CountAsync()));
        Assert.Contains(Store.Platform.Sent, m => m.Choices.Any(c => c.Id == ForgetFeature.YesChoice));
        Assert.Equal(Copy.Text(HistoryText.ForgetKept), Store.Platform.Sent[^1].Text);
    }

    [Fact]
    public async Task Export_HoldsOnlyThePersonsOwnData_AndLeavesNoCopyInTheOutbox()
    {
        await SayAsync(AliceTelegram, "/win watered the plants");
        await SayAsync(AliceTelegram, "/checkin");
        await PressAsync(AliceTelegram, "mood:steady");
        await SayAsync(BobTelegram, "/win called my sister");
        await SayAsync(BobTelegram, "/checkin");
        await PressAsync(BobTelegram, "mood:heavy");
        var bob = await PersonIdAsync(Platform.Telegram, BobTelegram);

        await SayAsync(AliceTelegram, "/export");
        await DeliverAsync();

        var files = Store.Platform.Sent.Where(m => m.Attachment is not null).Select(m => m.Attachment!).ToArray();
        var json = Encoding.UTF8.GetString(Assert.Single(files, f => f.ContentType == "application/json").Content);
        var csv = Encoding.UTF8.GetString(Assert.Single(files, f => f.ContentType == "text/csv").Content);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(AliceTelegram, document.RootElement.GetProperty("accounts")[0].GetProperty("chatId").GetString());
        Assert.Contains("watered the plants", json, StringComparison.Ordinal);
        Assert.DoesNotContain("called my sister", json, StringComparison.Ordinal);
        Assert.DoesNotContain(BobTelegram, json, StringComparison.Ordinal);
        Assert.DoesNotContain(bob.ToString(), json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(",steady,4", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("heavy", csv, StringComparison.Ordinal);
        Assert.Equal(0, await DbAsync(db => db.Outbox.CountAsync(o => o.DeleteWhenSent)));
        Assert.Empty(await DbAsync(db => DatabaseCatalog.FindAsync(db, ["watered the plants"])));
    }

    [Fact]
    public async Task Export_InAGroup_SendsNoDataThere()
    {
        await SayAsync(AliceTelegram, "/win a private thing");
        var group = new InboundMessage(new ChatAddress(Platform.Telegram, "-100200300"), AliceTelegram, "g1", Store.Clock.GetUtcNow(), "/export", null)
        {
            Kind = ChatKind.Group,
        };

        await Store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(group, CancellationToken.None));
        await DeliverAsync();

        var reply = Store.Platform.Sent.Single(m => m.Chat.ChatId == "-100200300");
        Assert.Null(reply.Attachment);
        Assert.Equal(Copy.Text(HistoryText.PrivateOnly), reply.Text);
    }

    [Fact]
    public async Task Link_JoinsTwoPlatforms_MergesHistory_AndTheCodeWorksOnce()
    {
        await SayAsync(AliceTelegram, "/win telegram win");
        await SayAsync(AliceDiscord, "/win discord win");
        var code = await IssueCodeAsync(AliceTelegram);

        await SayAsync(AliceDiscord, $"/link {code.ToLowerInvariant()}");
        await SayAsync(BobTelegram, $"/link {code}");
        await DeliverAsync();

        var alice = await PersonIdAsync(Platform.Discord, AliceDiscord);
        Assert.Equal(alice, await PersonIdAsync(Platform.Telegram, AliceTelegram));
        Assert.Equal(2, await DbAsync(db => db.History.CountAsync(h => h.PersonId == alice)));
        Assert.Equal(2, await DbAsync(db => db.People.CountAsync()));
        Assert.NotEqual(alice, await PersonIdAsync(Platform.Telegram, BobTelegram));
        Assert.Equal(Copy.Text(HistoryText.LinkUnknown), Store.Platform.Sent.Last(m => m.Chat.ChatId == BobTelegram).Text);
        Assert.Equal(0, await DbAsync(db => db.Set<LinkCodeRow>().CountAsync()));
    }

    [Fact]
    public async Task Link_CodeExpiresAfterTenMinutes()
    {
        var code = await IssueCodeAsync(AliceTelegram);
        Store.Clock.Advance(LinkCode.Lifetime + TimeSpan.FromSeconds(1));

        await SayAsync(AliceDiscord, $"/link {code}");

        Assert.NotEqual(await PersonIdAsync(Platform.Telegram, AliceTelegram), await PersonIdAsync(Platform.Discord, AliceDiscord));
        var reply = await DbAsync(db => db.Outbox.OrderBy(o => o.Id).Where(o => o.ChatId == AliceDiscord).JsonAsync(Store.Services.GetRequiredService<FreeTextProtector>()));
        Assert.Contains(reply, p => p.Contains("Codes last 10 minutes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_CodeIsStoredOnlyAsAHash()
    {
        var code = await IssueCodeAsync(AliceTelegram);

        var stored = await DbAsync(db => db.Set<LinkCodeRow>().SingleAsync());
        Assert.Equal(LinkCode.Hash(code), stored.CodeHash);
        Assert.Empty(await DbAsync(db => DatabaseCatalog.FindAsync(db, [code])));
    }

    [Fact]
    public async Task FreeText_IsEncryptedAtRest_AndOldKeysStillReadAfterRotation()
    {
        const string Win = "secret walk 7781";
        const string Phrase = "gentle words 5512";
        await SayAsync(AliceTelegram, $"/win {Win}");
        var alice = await PersonIdAsync(Platform.Telegram, AliceTelegram);
        await Store.InScopeAsync(sp => ((Bot.Adapters.Persistence.EfOwnWordsStore)sp.GetRequiredService<IOwnWordsStore>()).KeepAsync(alice, Phrase, Store.Clock.GetUtcNow(), default));

        var rawWin = await DbAsync(db => db.History.Select(h => h.FreeText).SingleAsync());
        var rawPhrase = await DbAsync(db => db.Set<OwnWordsRow>().Select(w => w.Phrase).SingleAsync());
        Assert.DoesNotContain(Win, Encoding.UTF8.GetString(rawWin!), StringComparison.Ordinal);
        Assert.DoesNotContain(Phrase, Encoding.UTF8.GetString(rawPhrase), StringComparison.Ordinal);
        Assert.Empty(await DbAsync(db => DatabaseCatalog.FindAsync(db, [Win, Phrase])));

        var oldRing = Store.Services.GetRequiredService<StoreSettings>().KeyRing;
        var rotated = FreeTextProtector.Parse(FreeTextProtector.NewKeyRing("rotated") + "," + oldRing, "test");
        var read = await DbAsync(db => new EfHistoryStore(db, rotated).ReadAsync(alice, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, default));
        var words = await DbAsync(db => new EfOwnWordsStore(db, rotated).ListAsync(alice, default));
        Assert.Equal(Win, Assert.Single(read).FreeText);
        Assert.Equal(Phrase, Assert.Single(words).Phrase);
        Assert.Equal("rotated", Encoding.ASCII.GetString(rotated.Protect("x")!, 1, "rotated".Length));
    }

    [Fact]
    public async Task OwnWords_AreKeptWithConsent_OfferedBack_AndLetGoWhenConsentIsWithdrawn()
    {
        await SayAsync(AliceTelegram, "/words");
        var alice = await PersonIdAsync(Platform.Telegram, AliceTelegram);
        var before = await Store.InScopeAsync(sp => sp.GetRequiredService<IOwnWordsStore>().PickAsync(alice, 1, default));
        await Store.InScopeAsync(sp => ((Bot.Adapters.Persistence.EfOwnWordsStore)sp.GetRequiredService<IOwnWordsStore>()).KeepAsync(alice, "you're allowed to rest", Store.Clock.GetUtcNow(), default));
        var offered = await Store.InScopeAsync(sp => sp.GetRequiredService<IOwnWordsStore>().PickAsync(alice, 7, default));
        var consent = await Store.InScopeAsync(sp => sp.GetRequiredService<IOwnWordsStore>().HasConsentAsync(alice, default));

        await SayAsync(AliceTelegram, "/words");
        await PressAsync(AliceTelegram, OwnWordsFeature.ForgetChoice);
        await DeliverAsync();

        Assert.Null(before);
        Assert.Equal("you're allowed to rest", offered?.Phrase);
        Assert.True(consent);
        Assert.Contains(Store.Platform.Sent, m => m.Text.Contains("• you're allowed to rest", StringComparison.Ordinal));
        Assert.Equal(0, await DbAsync(db => db.Set<OwnWordsRow>().CountAsync()));
        Assert.Empty(await DbAsync(db => DatabaseCatalog.FindAsync(db, ["allowed to rest"])));
        Assert.False(await Store.InScopeAsync(sp => sp.GetRequiredService<IOwnWordsStore>().HasConsentAsync(alice, default)));
        Assert.Equal(Copy.Text(HistoryText.WordsForgotten), Store.Platform.Sent[^1].Text);
    }

    [Fact]
    public async Task OwnWords_TheEngineKeepsThemThroughTheDecision_AndReadsThemInTheNextContext()
    {
        var chat = new ChatAddress(Platform.Telegram, AliceTelegram);
        IReadOnlyList<string>? seenFirst = null;
        IReadOnlyList<string>? seenLater = null;

        await Store.InScopeAsync(sp => sp.GetRequiredService<Bot.Core.Persistence.TurnLoop>().RunAsync(
            new Bot.Core.Persistence.TurnRequest(chat, AliceTelegram, "t1", Store.Clock.GetUtcNow()),
            (context, _) =>
            {
                seenFirst = context.OwnWords;
                return Task.FromResult(Reply(context) with { KeepOwnWords = " it's okay to go slowly " });
            },
            default));
        await Store.InScopeAsync(sp => sp.GetRequiredService<Bot.Core.Persistence.TurnLoop>().RunAsync(
            new Bot.Core.Persistence.TurnRequest(chat, AliceTelegram, "t2", Store.Clock.GetUtcNow()),
            (context, _) =>
            {
                seenLater = context.OwnWords;
                return Task.FromResult(Reply(context));
            },
            default));

        Assert.Empty(seenFirst!);
        Assert.Equal(["it's okay to go slowly"], seenLater);
        Assert.Empty(await DbAsync(db => DatabaseCatalog.FindAsync(db, ["okay to go slowly"])));
        var alice = await PersonIdAsync(Platform.Telegram, AliceTelegram);
        Assert.True(await Store.InScopeAsync(sp => sp.GetRequiredService<IOwnWordsStore>().HasConsentAsync(alice, default)));

        static Bot.Core.Persistence.TurnDecision Reply(Bot.Core.Persistence.TurnContext context) => new(
            context.Person, context.Conversation, context.Replies, [], [], DeliveryLane.Reply, Bot.Core.Persistence.ScheduleChange.None);
    }

    [Fact]
    public async Task Retention_RemovesOnlyHistoryOlderThanAYear()
    {
        await SayAsync(AliceTelegram, "/win an old one");
        Store.Clock.Advance(TimeSpan.FromDays(300));
        await SayAsync(AliceTelegram, "/win a recent one");
        Store.Clock.Advance(TimeSpan.FromDays(100));

        await Store.InScopeAsync(async sp =>
        {
            var job = new HistoryRetentionJob(
                sp.GetRequiredService<IHistoryStore>(), sp.GetRequiredService<IOptions<HistoryOptions>>(), Store.Clock, NullLogger<HistoryRetentionJob>.Instance);
            await job.Execute(null!, CancellationToken.None);
            return 0;
        });

        var alice = await PersonIdAsync(Platform.Telegram, AliceTelegram);
        var left = await Store.InScopeAsync(sp => sp.GetRequiredService<IHistoryStore>().ReadAsync(alice, DateTimeOffset.MinValue, DateTimeOffset.MaxValue, default));
        Assert.Equal("a recent one", Assert.Single(left).FreeText);
    }

    [Fact]
    public async Task WeeklyRecap_IsOptIn_ArrivesSundayEveningInTheirTimeZone_Once()
    {
        await SayAsync(AliceTelegram, "/win stretched for a minute");
        await SayAsync(BobTelegram, "/win something");
        await SayAsync(AliceTelegram, "/timezone America/New_York");
        await SayAsync(BobTelegram, "/timezone America/New_York");
        await SayAsync(AliceTelegram, "/recap");
        await PressAsync(AliceTelegram, WeeklyRecapFeature.OnChoice);
        await DeliverAsync();
        var sentBefore = Store.Platform.Sent.Count;

        // Tuesday 24 Nov 2026 09:00 UTC; Sunday 29 Nov 18:00 in New York is 23:00 UTC.
        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 22, 59, 0, TimeSpan.Zero));
        var early = await SendRecapsAsync();
        Store.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.Zero));
        var due = await SendRecapsAsync();
        var again = await SendRecapsAsync();
        await DeliverAsync();

        Assert.Equal((0, 1, 0), (early, due, again));
        var recap = Assert.Single(Store.Platform.Sent.Skip(sentBefore));
        Assert.Equal(AliceTelegram, recap.Chat.ChatId);
        Assert.Contains("stretched for a minute", recap.Text, StringComparison.Ordinal);
        Assert.StartsWith(Copy.Text(HistoryText.RecapHeader), recap.Text, StringComparison.Ordinal);
        Assert.Empty(await DbAsync(db => DatabaseCatalog.FindAsync(db, ["stretched for a minute"])));
        var next = await DbAsync(db => db.Set<HistorySettingsRow>().Select(s => s.NextRecapAt).SingleAsync());
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 23, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public async Task History_SendsAPngChart_WithTheSameThingSaidInWords()
    {
        await SayAsync(AliceTelegram, "/checkin");
        await PressAsync(AliceTelegram, "mood:tired");

        await SayAsync(AliceTelegram, "/history 30");
        await DeliverAsync();

        var chart = Store.Platform.Sent.Single(m => m.Attachment is not null);
        Assert.Equal("image/png", chart.Attachment!.ContentType);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], chart.Attachment.Content.Take(4));
        Assert.Contains("tired once", chart.Text, StringComparison.Ordinal);
        Assert.Contains("30 days", chart.Text, StringComparison.Ordinal);
    }

    private async Task LinkAliceAcrossPlatformsAsync()
    {
        await SayAsync(AliceDiscord, "/win a discord one");
        var code = await IssueCodeAsync(AliceTelegram);
        await SayAsync(AliceDiscord, $"/link {code}");
        Assert.Equal(await PersonIdAsync(Platform.Telegram, AliceTelegram), await PersonIdAsync(Platform.Discord, AliceDiscord));
    }

    private async Task<string> IssueCodeAsync(string telegramUser)
    {
        await SayAsync(telegramUser, "/link");
        await DeliverAsync();
        var text = Store.Platform.Sent.Last(m => m.Chat.ChatId == telegramUser).Text;
        var prefix = "Your link code: ";
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        return text[prefix.Length..].Split('\n')[0];
    }

    private Task<int> SendRecapsAsync() =>
        Store.InScopeAsync(sp => sp.GetRequiredService<WeeklyRecapDispatcher>().SendDueAsync(CancellationToken.None));

    private Task SayAsync(string user, string text) => HandleAsync(user, text, null);

    private Task PressAsync(string user, string choice) => HandleAsync(user, null, choice);

    private async Task HandleAsync(string user, string? text, string? choice)
    {
        var platform = user == AliceDiscord ? Platform.Discord : Platform.Telegram;
        var message = new InboundMessage(new ChatAddress(platform, user), user, $"m{++_messageId}", Store.Clock.GetUtcNow(), text, choice);
        var outcome = await Store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));
        Assert.Equal(HandleOutcome.Handled, outcome);
    }

    private async Task DeliverAsync()
    {
        var delivery = Store.Services.GetRequiredService<OutboxDelivery>();
        while (await delivery.DeliverBatchAsync(CancellationToken.None) > 0)
        {
        }
    }

    private Task<Guid> PersonIdAsync(Platform platform, string user) =>
        DbAsync(db => db.Identities.Where(i => i.Platform == platform && i.ExternalUserId == user).Select(i => i.PersonId).SingleAsync());

    private Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) =>
        Store.InScopeAsync(sp => query(sp.GetRequiredService<BotDbContext>()));
}

public sealed class PostgresHistoryStoreTests() : HistoryStoreTests(StoreProvider.Postgres);

public sealed class SqliteHistoryStoreTests() : HistoryStoreTests(StoreProvider.Sqlite);
