using System.Text;
using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.Community;
using Bot.Core.History;
using Bot.Core.Messaging;
using Bot.Host.Community;
using Bot.IntegrationTests.Persistence;
using Bot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.IntegrationTests.History;

/// <summary>
/// Issue 16: one person's scripted life through the real handler, stores and delivery (check-ins in their own words, wins, a
/// safety plan, own words, two linked accounts, a community answer, an export that partly fails to arrive), then every value
/// of every column of every table is read for their words; and after /forget, for anything that still points at them.
/// </summary>
public abstract class PrivacyScanTests(StoreProvider provider) : IAsyncLifetime
{
    // Made-up, distinctive words, so no table can hold them by accident.
    private const string Name = "Quillonbrae";
    private const string Phone = "07700 900461";
    private const string SaferSurroundings = "lock away the pills in the blue tin";
    private const string Telegram = "7345901288";
    private const string Discord = "884422119977";
    private const string Neighbour = "5550001777";
    private const string Channel = "-1009988776655";

    private static readonly string[] Words = [Name, "900461", "lock away the pills", "blue tin"];

    private StoreUnderTest _store = null!;
    private int _messageId;

    public async Task InitializeAsync() => _store = await StoreUnderTest.CreateAsync(provider, services => services
        .AddCommunityCheckIns()
        .AddSingleton<IChatPlatform>(new CollectingChatPlatform(Platform.Discord)));

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task NoColumnHoldsThePersonsWords_AtAnyPoint_AndNothingPointsAtThemAfterForget()
    {
        await LiveALifeAsync();
        Assert.Empty(await ScanAsync(Words)); // their plan, shown back to them, waits for delivery
        await DeliverAsync();
        Assert.Contains(TelegramPlatform.Sent, m => m.Chat.ChatId == Telegram && m.Text.Contains(SaferSurroundings, StringComparison.Ordinal));
        Assert.Empty(await ScanAsync(Words));

        await SayAsync(Telegram, "/export");
        await SayAsync(Discord, "/export");
        Assert.Equal(4, await DbAsync(db => db.Outbox.CountAsync(o => o.Status == OutboxStatus.Pending && o.DeleteWhenSent)));
        Assert.Empty(await ScanAsync(Words)); // exports waiting for delivery

        // On Telegram the JSON export arrives and the CSV is refused; Discord has blocked the bot.
        TelegramPlatform.Respond = m => m.Attachment?.ContentType == "text/csv" ? SendResult.Refused("403") : SendResult.Sent;
        DiscordPlatform.Respond = _ => SendResult.NotReachable("blocked");
        await DeliverAsync();
        var export = Encoding.UTF8.GetString(TelegramPlatform.Sent.Single(m => m.Attachment?.ContentType == "application/json").Attachment!.Content);
        Assert.All(Words, word => Assert.Contains(word, export, StringComparison.OrdinalIgnoreCase)); // the words were kept, encrypted
        Assert.Equal(3, await DbAsync(db => db.Outbox.CountAsync(o => o.DeleteWhenSent && o.Status != OutboxStatus.Pending))); // CSV, Discord's two
        Assert.Equal(0, await DbAsync(db => db.Outbox.CountAsync(o => o.DeleteWhenSent && o.Status != OutboxStatus.Pending && o.Payload != null)));
        Assert.Empty(await ScanAsync(Words)); // delivered, failed and unreachable

        var person = await DbAsync(db => db.Identities.Where(i => i.ExternalUserId == Telegram).Select(i => i.PersonId).SingleAsync());
        string[] pointers = [Telegram, Discord, person.ToString()];
        Assert.Equal(2, await DbAsync(db => db.CommunityAnswers.CountAsync()));
        foreach (var pointer in pointers)
        {
            Assert.NotEmpty(await ScanAsync([pointer])); // the scan does find what is there
        }

        // An update of theirs parked as a dead letter names them only inside its encrypted payload; a neighbour's too.
        await ParkAsync("9001", Telegram);
        await ParkAsync("9002", Neighbour);

        TelegramPlatform.Respond = _ => SendResult.Sent;
        await SayAsync(Telegram, "/forget");
        await PressAsync(Telegram, ForgetFeature.YesChoice);
        await DeliverAsync();

        Assert.Contains(TelegramPlatform.Sent, m => m.Chat.ChatId == Telegram && m.Text == HistoryCopy.English.Text(HistoryText.ForgetDone));
        Assert.Empty(await ScanAsync([.. Words, .. pointers]));
        Assert.Empty(await AnswersStillTracedToAsync(Platform.Telegram, Telegram));
        Assert.Equal(1, await DbAsync(db => db.CommunityAnswers.CountAsync())); // the neighbour's answer still counts
        Assert.NotEmpty(await ScanAsync([Channel])); // the channel itself is still there
        Assert.Equal(["9002"], await DbAsync(db => db.DeadLetters.Select(d => d.UpdateId).ToListAsync()));
    }

    private Task ParkAsync(string updateId, string userId) => DbAsync(db =>
    {
        var protector = _store.Services.GetRequiredService<FreeTextProtector>();
        db.DeadLetters.Add(new DeadLetterRow
        {
            Platform = Platform.Telegram,
            UpdateId = updateId,
            ErrorType = "System.InvalidOperationException",
            ErrorMessage = "test",
            Attempts = 5,
            FirstSeen = _store.Clock.GetUtcNow(),
            LastSeen = _store.Clock.GetUtcNow(),
            Payload = protector.Protect($$$"""{"update_id":{{{updateId}}},"message":{"from":{"id":{{{userId}}},"first_name":"{{{Name}}}"},"text":"/dailypost"}}"""),
        });
        return db.SaveChangesAsync();
    });

    private async Task LiveALifeAsync()
    {
        await SayAsync(Discord, $"/win sang along with {Name}");
        await SayAsync(Telegram, "/link");
        await DeliverAsync();
        var code = TelegramPlatform.Sent.Last(m => m.Chat.ChatId == Telegram).Text.Split(": ", 2)[1].Split('\n')[0];
        await SayAsync(Discord, $"/link {code}");

        await SayAsync(Telegram, "/checkin");
        await SayAsync(Telegram, $"{Name} said I look brighter today");
        await SayAsync(Telegram, $"/win called {Name} on {Phone}");

        await SayAsync(Telegram, "/safetyplan");
        await SayAsync(Telegram, $"I stop answering {Name}");
        await PressAsync(Telegram, "plan:skip");
        await PressAsync(Telegram, "plan:skip");
        await SayAsync(Telegram, $"{Name} Tamsworth, {Phone}");
        await PressAsync(Telegram, "plan:skip");
        await SayAsync(Telegram, SaferSurroundings);
        await SayAsync(Telegram, "/safetyplan");

        await SayAsync(Telegram, "/words");
        var person = await DbAsync(db => db.Identities.Where(i => i.ExternalUserId == Telegram).Select(i => i.PersonId).SingleAsync());
        await _store.InScopeAsync(sp => ((Bot.Adapters.Persistence.EfOwnWordsStore)sp.GetRequiredService<IOwnWordsStore>()).KeepAsync(person, $"{Name} believes in me", _store.Clock.GetUtcNow(), default));

        await GroupAsync(Neighbour, "/community setup 09:00 Europe/Berlin");
        await GroupAsync(Telegram, null, CommunityFeature.OkayChoiceId);
        await GroupAsync(Neighbour, null, CommunityFeature.OkayChoiceId);
        await GroupAsync(Telegram, "/safetyplan"); // answered in private
    }

    /// <summary>Community answers that can still be recomputed from a day secret kept in the database.</summary>
    private Task<List<CommunityAnswerRow>> AnswersStillTracedToAsync(Platform platform, string userId) => DbAsync(async db =>
    {
        var days = await db.CommunityDays.AsNoTracking().ToListAsync();
        Assert.NotEmpty(days);
        var hashes = days.Select(d => (d.ChatId, d.Day, Hash: EfCommunityStore.AnswerHash(d.Secret, platform, userId))).ToList();
        var answers = await db.CommunityAnswers.AsNoTracking().ToListAsync();
        return answers.Where(a => hashes.Contains((a.ChatId, a.Day, a.AnswerHash))).ToList();
    });

    private CollectingChatPlatform TelegramPlatform => _store.Platform;

    private CollectingChatPlatform DiscordPlatform =>
        _store.Services.GetServices<IChatPlatform>().OfType<CollectingChatPlatform>().Single(p => p.Platform == Platform.Discord);

    private Task<IReadOnlyList<string>> ScanAsync(IReadOnlyCollection<string> needles) => DbAsync(db => DatabaseCatalog.FindAsync(db, needles));

    private Task SayAsync(string user, string text) => HandleAsync(user, text, null);

    private Task PressAsync(string user, string choice) => HandleAsync(user, null, choice);

    private Task HandleAsync(string user, string? text, string? choice)
    {
        var platform = user == Discord ? Platform.Discord : Platform.Telegram;
        return HandleAsync(new InboundMessage(new ChatAddress(platform, user), user, $"m{++_messageId}", _store.Clock.GetUtcNow(), text, choice));
    }

    private Task GroupAsync(string user, string? text, string? choice = null) => HandleAsync(
        new InboundMessage(new ChatAddress(Platform.Telegram, Channel), user, $"g{++_messageId}", _store.Clock.GetUtcNow(), text, choice) { Kind = ChatKind.Group, SenderIsChatAdmin = true });

    private async Task HandleAsync(InboundMessage message)
    {
        var outcome = await _store.InScopeAsync(sp => sp.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None));
        Assert.Equal(HandleOutcome.Handled, outcome);
    }

    private Task DeliverAsync() => _store.DeliverAllAsync();

    private Task<T> DbAsync<T>(Func<BotDbContext, Task<T>> query) => _store.DbAsync(query);
}

public sealed class PostgresPrivacyScanTests() : PrivacyScanTests(StoreProvider.Postgres);

public sealed class SqlitePrivacyScanTests() : PrivacyScanTests(StoreProvider.Sqlite);
