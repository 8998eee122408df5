using System.Text.Json.Nodes;

namespace Bot.Testing.Telegram;

/// <summary>Builds update payloads shaped like Telegram's, for scripting the fake.</summary>
public static class Updates
{
    public const long PersonId = 111222333;

    /// <summary>Text that must never appear in a log line.</summary>
    public const string SecretSentence = "my private worry about tomorrow";

    private static JsonObject Person(long id = PersonId) => new() { ["id"] = id, ["is_bot"] = false, ["first_name"] = "Sam" };

    private static JsonObject PrivateChat(long id = PersonId) => new() { ["id"] = id, ["first_name"] = "Sam", ["type"] = "private" };

    private static long Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public static JsonObject Text(int updateId, string text) => Text(updateId, text, PersonId);

    /// <summary>A private message from another person, in their own chat.</summary>
    public static JsonObject Text(int updateId, string text, long personId)
    {
        var message = new JsonObject
        {
            ["message_id"] = updateId % 100000,
            ["from"] = Person(personId),
            ["chat"] = PrivateChat(personId),
            ["date"] = Now(),
            ["text"] = text,
        };
        if (text.StartsWith('/'))
        {
            var length = text.Contains(' ', StringComparison.Ordinal) ? text.IndexOf(' ', StringComparison.Ordinal) : text.Length;
            message["entities"] = new JsonArray(new JsonObject { ["offset"] = 0, ["length"] = length, ["type"] = "bot_command" });
        }

        return new JsonObject { ["update_id"] = updateId, ["message"] = message };
    }

    public const long GroupId = -1001234567890;

    public static JsonObject GroupText(int updateId, long senderId, string text)
    {
        var update = Text(updateId, text);
        var message = update["message"]!.AsObject();
        message["chat"] = new JsonObject { ["id"] = GroupId, ["title"] = "Gentle Circle", ["type"] = "supergroup" };
        message["from"] = new JsonObject { ["id"] = senderId, ["is_bot"] = false, ["first_name"] = "Member" };
        return update;
    }

    /// <summary>A press on a button of a message the bot sent (as the fake recorded it).</summary>
    public static JsonObject Press(int updateId, JsonObject sentMessage, string callbackData) => new()
    {
        ["update_id"] = updateId,
        ["callback_query"] = new JsonObject
        {
            ["id"] = "cbq-" + updateId,
            ["from"] = Person(),
            ["message"] = sentMessage.DeepClone(),
            ["chat_instance"] = "-8934538445673412",
            ["data"] = callbackData,
        },
    };

    /// <summary>A button press whose callback data is a lone surrogate escape: valid JSON, but not a string .NET can read.</summary>
    public static string LoneSurrogatePress(int updateId, long person)
    {
        var message = $$"""{"message_id":5,"date":{{Now()}},"chat":{"id":{{person}},"first_name":"P","type":"private"},"text":"Checking in."}""";
        var from = $$"""{"id":{{person}},"is_bot":false,"first_name":"P"}""";
        return $$$"""{"update_id":{{{updateId}}},"callback_query":{"id":"cbq-{{{updateId}}}","from":{{{from}}},"message":{{{message}}},"chat_instance":"1","data":"\ud800"}}""";
    }

    public static JsonObject Blocked(int updateId) => new()
    {
        ["update_id"] = updateId,
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = PrivateChat(),
            ["from"] = Person(),
            ["date"] = Now(),
            ["old_chat_member"] = new JsonObject { ["user"] = Bot(), ["status"] = "member" },
            ["new_chat_member"] = new JsonObject { ["user"] = Bot(), ["status"] = "kicked", ["until_date"] = 0 },
        },
    };

    private static JsonObject Bot() => new() { ["id"] = FakeTelegramBotApi.BotId, ["is_bot"] = true, ["first_name"] = "CompassionBot" };
}
