using System.Globalization;
using System.Text.Json;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>
/// One update as polling or the webhook received it: read by Telegram.Bot, or, when the library cannot read it (a lone
/// surrogate in callback data), only its id, its chat and its raw JSON, so that just this update is parked.
/// </summary>
internal sealed class TelegramInboundUpdate
{
    private readonly string? _raw;

    private TelegramInboundUpdate(int id, Update? update, string? raw, long? lane, long? replyChat, Exception? readError)
    {
        Id = id;
        Update = update;
        _raw = raw;
        Lane = lane;
        ReplyChat = replyChat;
        ReadError = readError;
    }

    public int Id { get; }

    /// <summary>Null when the library could not read it; <see cref="ReadError"/> says why.</summary>
    public Update? Update { get; }

    public Exception? ReadError { get; }

    /// <summary>Its chat, for <see cref="TelegramBatchRunner"/>'s lanes (see <see cref="TelegramOrderingKey"/>).</summary>
    public long? Lane { get; }

    /// <summary>Where a person wrote or pressed: the chat a sorry can go to if the update is parked.</summary>
    public long? ReplyChat { get; }

    public static TelegramInboundUpdate Of(Update update) =>
        new(update.Id, update, null, TelegramOrderingKey.Of(update), update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id, null);

    /// <summary>Reads one raw update; null when it has no update_id (then it is not an update at all).</summary>
    public static TelegramInboundUpdate? Read(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("update_id", out var idElement) || !idElement.TryGetInt32(out var id))
        {
            return null;
        }

        var raw = json.GetRawText();
        try
        {
            if (json.Deserialize<Update>(JsonBotAPI.Options) is { } update)
            {
                var read = Of(update);
                return new TelegramInboundUpdate(read.Id, update, raw, read.Lane, read.ReplyChat, null);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NotSupportedException or ArgumentException or FormatException)
        {
            var replyChat = ChatId(json, "message", "chat") ?? ChatId(json, "callback_query", "message", "chat") ?? ChatId(json, "callback_query", "from");
            var lane = replyChat
                ?? ChatId(json, "edited_message", "chat") ?? ChatId(json, "channel_post", "chat")
                ?? ChatId(json, "edited_channel_post", "chat") ?? ChatId(json, "my_chat_member", "chat");
            return new TelegramInboundUpdate(id, null, raw, lane, replyChat, ex);
        }

        return new TelegramInboundUpdate(id, null, raw, null, null, new JsonException("The update is empty."));
    }

    public InboundUpdate ToInbound() => new(
        Platform.Telegram,
        Id.ToString(CultureInfo.InvariantCulture),
        ReplyChat is { } chat ? new ChatAddress(Platform.Telegram, chat.ToString(CultureInfo.InvariantCulture)) : null,
        () => _raw ?? JsonSerializer.Serialize(Update, JsonBotAPI.Options));

    private static long? ChatId(JsonElement json, params string[] path)
    {
        var current = json;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Object && current.TryGetProperty("id", out var id) && id.TryGetInt64(out var value) ? value : null;
    }
}
