using System.Text.Json.Nodes;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Faults;

/// <summary>Telegram updates from many different people, so the flood guard never slows the traffic on purpose.</summary>
internal static class Traffic
{
    public const long FirstPersonId = 700_000_000;

    public static long PersonOf(int updateId) => FirstPersonId + updateId;

    public static JsonObject CheckIn(int updateId)
    {
        var update = Updates.Text(updateId, "/checkin");
        var message = update["message"]!.AsObject();
        var person = PersonOf(updateId);
        message["from"] = new JsonObject { ["id"] = person, ["is_bot"] = false, ["first_name"] = "P" };
        message["chat"] = new JsonObject { ["id"] = person, ["first_name"] = "P", ["type"] = "private" };
        return update;
    }

    /// <summary>Chat ids the fake Bot API was asked to send at least one message to.</summary>
    public static HashSet<long> ChatsAnswered(FakeTelegramBotApi api) =>
        [.. api.CallsTo("sendMessage").Select(c => FakeTelegramBotApi.Long(c.Body["chat_id"]))];
}
