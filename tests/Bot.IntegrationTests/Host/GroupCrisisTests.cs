using System.Text.Json.Nodes;
using Bot.Core.SafetyPlan;
using Bot.IntegrationTests.Faults;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// A cry for help in a Telegram group, in a reply to the bot, a mention of it or the words after its command, through the
/// real host: the person is answered in private, the group hears only a neutral line, and other group talk is left alone.
/// </summary>
public sealed class GroupCrisisTests
{
    private const long Member = 640_000_001;
    private static readonly string[] CrisisHelp = 
        ["thoughts of suicide", "ending your life", "Please call", "Please contact", "can't call anyone", "Thank you for saying it"];

    [Theory]
    [InlineData("reply", "honestly i dont see the point of living anymore")]
    [InlineData("mention", "@" + FakeTelegramBotApi.BotUsername + " I can't do this much longer, I want to die")]
    [InlineData("command", "/checkin@" + FakeTelegramBotApi.BotUsername + " i want to kill myself tonight")]
    public async Task RiskAddressedToTheBotInAGroup_IsAnsweredInPrivate_AndTheGroupHearsOnlyANeutralLine(string how, string text)
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("groupcrisis");
        await using var api = new FakeTelegramBotApi();
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, HostEnvironment.For(database, api));

        api.Enqueue(GroupMessage(1, text, replyToBot: how == "reply", mention: how == "mention"));
        api.Enqueue(GroupMessage(2, "same here, tired of this week", replyToBot: true, mention: false));
        api.Enqueue(Updates.GroupText(3, Member + 1, "anyone up for a walk later?"));

        await Eventually.TrueAsync(() => api.ConfirmedOffset > 3 && SentTo(api, Member).Count > 0 && SentTo(api, Updates.GroupId).Count > 0 || bot.HasExited, "the private answer and the group line");
        Assert.False(bot.HasExited, string.Join('\n', bot.Lines));

        var toPerson = string.Join('\n', SentTo(api, Member));
        Assert.True(CrisisChatVerbTests.CrisisHelp.Any(h => toPerson.Contains(h, StringComparison.Ordinal)), toPerson);
        Assert.Equal([SafetyPlanCopy.English.Text("groupNotice")], SentTo(api, Updates.GroupId));
        Assert.Empty(SentTo(api, Member + 1));
        Assert.Equal(0, await bot.StopAsync());
        Assert.Empty(api.Errors);
    }

    private static JsonObject GroupMessage(int updateId, string text, bool replyToBot, bool mention)
    {
        var update = Updates.GroupText(updateId, Member, text);
        var message = update["message"]!.AsObject();
        if (replyToBot)
        {
            message["reply_to_message"] = new JsonObject
            {
                ["message_id"] = 77,
                ["from"] = new JsonObject { ["id"] = FakeTelegramBotApi.BotId, ["is_bot"] = true, ["first_name"] = "Compassion", ["username"] = FakeTelegramBotApi.BotUsername },
                ["chat"] = message["chat"]!.DeepClone(),
                ["date"] = message["date"]!.GetValue<long>() - 60,
                ["text"] = "How is the circle today?",
            };
        }

        if (mention)
        {
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = FakeTelegramBotApi.BotUsername.Length + 1, ["type"] = "mention" });
        }

        return update;
    }

    private static List<string> SentTo(FakeTelegramBotApi api, long chat) =>
        [.. api.CallsTo("sendMessage").Where(c => FakeTelegramBotApi.Long(c.Body["chat_id"]) == chat).Select(c => c.Body["text"]!.GetValue<string>())];
}
