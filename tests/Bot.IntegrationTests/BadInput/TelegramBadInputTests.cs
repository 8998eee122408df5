using System.Globalization;
using System.Text.Json.Nodes;
using Bot.Adapters.Telegram;
using Bot.Core.Messaging;
using Bot.IntegrationTests.Faults;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.BadInput;

public sealed class TelegramBadInputTests
{
    private const long FirstPerson = 800_000_000;
    private const long ChannelId = -1009876543210;

    [Fact]
    public async Task CorpusAndOddUpdates_ThroughTheRealHost_AreAnsweredKindlyOrIgnored_AndTheStoreStaysClean()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("telegrambad");
        await using var api = new FakeTelegramBotApi();
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, HostEnvironment.For(database, api));
        var texts = BadInputCorpus.Texts;
        var updateId = 0;
        var talkers = new HashSet<long>();
        // Telegram speaks UTF-8 on the wire, where a lone surrogate cannot exist: it arrives as U+FFFD, as here.
        foreach (var (text, index) in texts.Select((t, i) => (System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(t)), i)))
        {
            var person = FirstPerson + (index / 6);
            api.Enqueue(Raw(++updateId, $$"""{"message_id":{{updateId}},"date":{{Now()}},"from":{{User(person)}},"chat":{{Chat(person)}},"text":{{BadInputCorpus.JsonLiteral(text)}}}"""));
            if (InboundText.Clean(text) is not null)
            {
                talkers.Add(person);
            }
        }

        var sam = FirstPerson;
        var kai = FirstPerson + 1;
        var callbacks = new List<string>();
        string Press(long from, long chat, string data)
        {
            var id = "cbq-" + (++updateId).ToString(CultureInfo.InvariantCulture);
            callbacks.Add(id);
            var message = $$"""{"message_id":5,"date":{{Now()}},"chat":{{Chat(chat)}},"from":{{User(FakeTelegramBotApi.BotId, isBot: true)}},"text":"Checking in."}""";
            return $$"""{"update_id":{{updateId}},"callback_query":{"id":"{{id}}","from":{{User(from)}},"message":{{message}},"chat_instance":"1","data":{{BadInputCorpus.JsonLiteral(data)}}} }""";
        }

        var codec = new TelegramCallbackData(FakeTelegramBotApi.Token);
        var odd = new List<string>
        {
            Message(++updateId, sam, """ "sticker":{"file_id":"A","file_unique_id":"B","type":"regular","width":512,"height":512,"is_animated":false,"is_video":false} """),
            Message(++updateId, sam, """ "photo":[{"file_id":"P","file_unique_id":"Q","width":90,"height":90}] """),
            Message(++updateId, sam, """ "photo":[{"file_id":"P","file_unique_id":"Q","width":90,"height":90}],"caption":"\u0000\ufffd" """),
            Message(++updateId, sam, """ "voice":{"file_id":"V","file_unique_id":"W","duration":3} """),
            Raw(++updateId, $$"""{"message_id":9,"date":{{Now()}},"edit_date":{{Now()}},"from":{{User(sam)}},"chat":{{Chat(sam)}},"text":"edited words"}""", "edited_message"),
            Raw(++updateId, $$"""{"message_id":10,"date":{{Now()}},"from":{{User(900_000_001, isBot: true)}},"chat":{{Chat(900_000_001)}},"text":"/checkin"}"""),
            Raw(++updateId, $$"""{"message_id":11,"date":{{Now()}},"from":{{User(FakeTelegramBotApi.BotId, isBot: true)}},"chat":{{Chat(sam)}},"text":"I am the bot"}"""),
            Raw(++updateId, $$"""{"message_id":12,"date":{{Now()}},"chat":{"id":{{ChannelId}},"title":"News","type":"channel"},"text":"@everyone <b>x</b>"}""", "channel_post"),
            Press(sam, sam, "mood:tired"),
            Press(sam, sam, "v1:forged:mood:tired"),
            Press(sam, sam, ""),
            Press(sam, sam, new string('z', 64)),
            Press(sam, sam, "\u0000\ufffd"),
            Press(kai, sam, codec.Encode(sam, "mood:tired")),
            Press(sam, kai, codec.Encode(sam, "mood:tired")),
        };
        foreach (var update in odd)
        {
            api.Enqueue(update);
        }

        // A genuine update delivered twice (Telegram redelivers after a lost confirmation) is one turn.
        var replay = Raw(++updateId, $$"""{"message_id":77,"date":{{Now()}},"from":{{User(sam)}},"chat":{{Chat(sam)}},"text":"/checkin"}""");
        api.Enqueue(replay);
        api.Enqueue(replay);

        try
        {
            await Eventually.TrueAsync(
                () => api.ConfirmedOffset > updateId && HostEnvironment.TryCount(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'") == 0 || bot.HasExited,
                "every update confirmed and every reply sent");
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Confirmed up to {api.ConfirmedOffset} of {updateId}; host says:\n{string.Join('\n', bot.Lines.TakeLast(40))}");
        }

        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));
        Assert.Equal(0, await bot.StopAsync());

        var lines = bot.Lines;
        var failures = lines
            .Select((l, i) => (l, i))
            .Where(x => x.l.StartsWith("fail:", StringComparison.Ordinal) || x.l.StartsWith("crit:", StringComparison.Ordinal))
            .Select(x => string.Join('\n', lines.Skip(x.i).Take(6)))

            // EF Core logs its probe for the migrations table of a fresh database as an error; that one is expected.
            .Where(f => !f.Contains("FROM __ef_migrations_history", StringComparison.Ordinal))
            .ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Empty(api.Errors);

        // Kind answers: everyone who wrote words was answered; every button press got its spinner stopped.
        var answered = Traffic.ChatsAnswered(api);
        Assert.Subset(talkers, answered);
        var callbackAnswers = api.CallsTo("answerCallbackQuery").Select(c => c.Body["callback_query_id"]?.GetValue<string>() ?? "").ToHashSet();
        Assert.Subset(callbacks.ToHashSet(), callbackAnswers);

        // Ignored: nothing stored for bots, the bot itself, channels; nobody else's button moved Sam's or Kai's conversation.
        var people = await HostEnvironment.CountAsync(database, "SELECT count(*) FROM platform_identities");
        Assert.Equal(talkers.Count, people);
        Assert.Equal(0, await HostEnvironment.CountAsync(database, $"SELECT count(*) FROM platform_identities WHERE external_user_id IN ('900000001', '{FakeTelegramBotApi.BotId}', '{ChannelId}')"));
        Assert.DoesNotContain(ChannelId, answered);
        Assert.DoesNotContain(900_000_001L, answered);

        // What goes out is escaped HTML: no markup from the corpus reaches Telegram as markup.
        foreach (var call in api.CallsTo("sendMessage"))
        {
            var text = call.Body["text"]?.GetValue<string>() ?? "";
            Assert.DoesNotContain("<script", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<b>bold", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<a href=\"tg:", text, StringComparison.OrdinalIgnoreCase);
            Assert.True(text.Length <= 4096, "Telegram's limit");
        }

        await StoreHygiene.AssertCleanAsync(database, HostEnvironment.Protector);
    }

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static string User(long id, bool isBot = false) =>
        $$"""{"id":{{id}},"is_bot":{{(isBot ? "true" : "false")}},"first_name":"P"}""";

    private static string Chat(long id) => $$"""{"id":{{id}},"first_name":"P","type":"private"}""";

    private static string Message(int updateId, long person, string fields) =>
        Raw(updateId, $$"""{"message_id":{{updateId}},"date":{{Now()}},"from":{{User(person)}},"chat":{{Chat(person)}},{{fields}}}""");

    private static string Raw(int updateId, string message, string kind = "message") =>
        $$"""{"update_id":{{updateId}},"{{kind}}":{{message}}}""";
}
