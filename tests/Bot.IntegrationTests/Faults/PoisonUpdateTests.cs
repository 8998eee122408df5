using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Bot.Core.Replies;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Faults;

/// <summary>
/// Poison isolation through the real host on PostgreSQL, with the real Telegram.Bot client against the fake Bot API: an
/// update that fails every time, or one the library cannot read, is parked and blocks no one; operators list, retry and
/// drop it with `dead-letters`.
/// </summary>
public sealed class PoisonUpdateTests
{
    internal const long Admin = 42_000_001;
    private const long Presser = 42_000_002;
    internal const string GroupCommand = "/dailypost@" + FakeTelegramBotApi.BotUsername + " 09:00 Europe/Oslo";
    private static readonly string Sorry = ReplyCatalog.English[ReplyKey.SomethingWentWrongGently].Variants[0];

    [Fact]
    public async Task Polling_PoisonAmongOtherChats_OthersAnsweredWhileItIsRetried_ThenParked_AndTheVerbListsRetriesAndDrops()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("poisonpolling");
        await using var api = new FakeTelegramBotApi();
        var environment = HostEnvironment.For(database, api);
        // Its tries spread over several seconds, so that "while it is retried" holds on a slow, shared machine too.
        environment["Telegram__RetryDelay"] = "00:00:00.500";
        environment["Telegram__MaxRetryDelay"] = "00:00:04";
        FailGetChatMember(api);
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, environment);

        // Update 1 fails every time (getChatMember answers 500); five other people write in the same batch.
        api.Enqueue(Updates.GroupText(1, Admin, GroupCommand));
        for (var id = 2; id <= 6; id++)
        {
            api.Enqueue(Traffic.CheckIn(id));
        }

        await WaitAsync(bot, () => Parked(database) == 1 && Traffic.ChatsAnswered(api).Count >= 6, "the poison update parked, the others answered");
        api.Enqueue(Traffic.CheckIn(7));
        await WaitAsync(bot, () => Traffic.ChatsAnswered(api).Contains(Traffic.PersonOf(7)), "a later update is answered: the offset moved on");

        Assert.Equal(5, api.CallsTo("getChatMember").Count);
        Assert.True(api.ConfirmedOffset > 7);
        var answered = Traffic.ChatsAnswered(api);
        Assert.True(Enumerable.Range(2, 6).All(id => answered.Contains(Traffic.PersonOf(id))), string.Join(", ", answered));

        // The other five were committed while the poison update was still being tried.
        Assert.Equal(5, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM processed_inbound WHERE processed_at < (SELECT last_seen FROM dead_letters)"));
        Assert.Equal(1, await HostEnvironment.CountAsync(database, """
            SELECT count(*) FROM dead_letters
            WHERE platform = 'Telegram' AND update_id = '1' AND attempts = 5 AND error_type = 'Telegram.Bot.Exceptions.ApiRequestException'
              AND first_seen < last_seen AND payload IS NOT NULL
              AND position(convert_to('dailypost', 'UTF8') in payload) = 0 AND error_message NOT LIKE '%Oslo%'
            """));

        // An update Telegram.Bot cannot read spoils only itself.
        api.Enqueue(Updates.LoneSurrogatePress(8, Presser));
        api.Enqueue(Traffic.CheckIn(9));
        await WaitAsync(bot, () => Parked(database) == 2 && Traffic.ChatsAnswered(api).Contains(Traffic.PersonOf(9)), "only the unreadable update parked");
        Assert.Equal(1, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM dead_letters WHERE update_id = '8' AND attempts = 1"));

        // Each person hears the gentle sorry once.
        await WaitAsync(bot, () => SentTo(api, Presser).Count == 1, "the sorry for the unreadable press");
        Assert.Equal([Sorry], SentTo(api, Updates.GroupId));
        Assert.Equal([Sorry], SentTo(api, Presser));

        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) })
        {
            var metrics = await http.GetStringAsync(bot.ManagementUrl + "/metrics");
            var parked = Regex.Match(metrics, @"^compassionbot_inbound_parked_total\{[^}]*platform=""telegram""[^}]*\} (\S+)", RegexOptions.Multiline);
            Assert.True(parked.Success, metrics);
            Assert.Equal(2, double.Parse(parked.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        Assert.Equal(0, await bot.StopAsync());

        // The operator's view: what failed and when, nothing anyone wrote.
        var list = await VerbAsync(environment, "dead-letters", "list");
        Assert.Equal(0, list.ExitCode);
        Assert.Contains("telegram\t1\tTelegram.Bot.Exceptions.ApiRequestException\t5\t", list.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("telegram\t8\t", list.StandardOutput, StringComparison.Ordinal);
        foreach (var content in new[] { "dailypost", "Oslo", "cbq-8", "Checking in" })
        {
            Assert.DoesNotContain(content, list.StandardOutput + list.StandardError, StringComparison.Ordinal);
        }

        // Still failing: it stays parked, one attempt more.
        var stillFailing = await VerbAsync(environment, "dead-letters", "retry", "--platform", "telegram", "--id", "1");
        Assert.Equal(1, stillFailing.ExitCode);
        Assert.Equal(1, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM dead_letters WHERE update_id = '1' AND attempts = 6"));

        // Fixed: the retry runs it through the processor, the group is set up, and the letter is gone.
        api.ClearFaults();
        api.AdminIds[Admin] = true;
        var retried = await VerbAsync(environment, "dead-letters", "retry", "--platform", "telegram", "--id", "1");
        Assert.True(retried.ExitCode == 0, retried.StandardError);
        Assert.Equal(0, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM dead_letters WHERE update_id = '1'"));
        Assert.Equal(1, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM community_channels"));

        Assert.Equal(1, (await VerbAsync(environment, "dead-letters", "retry", "--platform", "telegram", "--id", "8")).ExitCode);
        Assert.Equal(0, (await VerbAsync(environment, "dead-letters", "drop", "--platform", "telegram", "--id", "8")).ExitCode);
        Assert.Equal(1, (await VerbAsync(environment, "dead-letters", "drop", "--platform", "telegram", "--id", "8")).ExitCode);
        var empty = await VerbAsync(environment, "dead-letters", "list");
        Assert.Equal("No parked updates.", empty.StandardOutput.Trim());
        Assert.Empty(api.Errors);
    }

    [Fact]
    public async Task Webhook_PoisonUpdate_IsParkedAndAnswered200_SoTelegramStopsRedelivering_AndOthersGoOn()
    {
        const string Secret = "poison_webhook-secret";
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("poisonwebhook");
        await using var api = new FakeTelegramBotApi();
        var environment = HostEnvironment.For(database, api);
        environment["Telegram__Mode"] = "Webhook";
        environment["Telegram__WebhookUrl"] = "https://bot.example.org/hooks/telegram";
        environment["Telegram__WebhookSecret"] = Secret;
        FailGetChatMember(api);
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, environment);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await WaitAsync(bot, () => api.CallsTo("setWebhook").Count == 1 && Listening(http, bot), "the webhook is registered and the host listens");

        async Task<HttpStatusCode> PostAsync(string update)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, bot.BaseUrl + "/hooks/telegram")
            {
                Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", Secret);
            using var response = await http.SendAsync(request);
            return response.StatusCode;
        }

        var poison = PostAsync(Updates.GroupText(1, Admin, GroupCommand).ToJsonString());
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Traffic.CheckIn(2).ToJsonString()));
        Assert.Equal(HttpStatusCode.OK, await poison);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.LoneSurrogatePress(3, Presser)));

        Assert.Equal(5, api.CallsTo("getChatMember").Count);
        Assert.Equal(1, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM dead_letters WHERE update_id = '1' AND attempts = 5"));
        Assert.Equal(1, await HostEnvironment.CountAsync(database, "SELECT count(*) FROM dead_letters WHERE update_id = '3' AND attempts = 1"));
        await WaitAsync(bot, () => Traffic.ChatsAnswered(api).Contains(Traffic.PersonOf(2)), "the other person is answered");
        await WaitAsync(bot, () => SentTo(api, Presser).Count == 1, "the sorry for the unreadable press");
        Assert.Equal([Sorry], SentTo(api, Updates.GroupId));
        Assert.Equal(0, await bot.StopAsync());
        Assert.Empty(api.Errors);
    }

    /// <summary>Enough 500s for every attempt and a retry by the operator; getChatMember is asked only by the group command.</summary>
    /// <summary>getChatMember answers 500 from now on: a group command that needs it fails on every try.</summary>
    internal static void FailGetChatMember(FakeTelegramBotApi api)
    {
        for (var i = 0; i < 40; i++)
        {
            api.FailNext("getChatMember", 500, "Internal Server Error");
        }
    }

    private static bool Listening(HttpClient http, RunningBot bot)
    {
        try
        {
            using var response = http.GetAsync(bot.ManagementUrl + "/healthz").GetAwaiter().GetResult();
            return true;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static long Parked(string database) => HostEnvironment.TryCount(database, "SELECT count(*) FROM dead_letters");

    private static List<string> SentTo(FakeTelegramBotApi api, long chat) =>
        [.. api.CallsTo("sendMessage").Where(c => FakeTelegramBotApi.Long(c.Body["chat_id"]) == chat).Select(c => c.Body["text"]!.GetValue<string>())];

    private static Task<BotProcess.Result> VerbAsync(Dictionary<string, string?> environment, params string[] arguments) =>
        BotProcess.RunAsync(HostEnvironment.HostPath, arguments, environment: environment);

    private static async Task WaitAsync(RunningBot bot, Func<bool> condition, string what)
    {
        try
        {
            await Eventually.TrueAsync(() => condition() || bot.HasExited, what);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Timed out waiting for: {what}. Host says:\n{string.Join('\n', bot.Lines.TakeLast(40))}");
        }

        Assert.False(bot.HasExited, string.Join('\n', bot.Lines.TakeLast(40)));
    }
}
