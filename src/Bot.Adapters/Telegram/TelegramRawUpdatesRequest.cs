using System.Text.Json;
using System.Text.Json.Serialization;
using Telegram.Bot.Requests;
using Telegram.Bot.Types.Enums;

namespace Bot.Adapters.Telegram;

/// <summary>getUpdates answered as raw JSON elements, for a batch Telegram.Bot could not read as a whole.</summary>
internal sealed class TelegramRawUpdatesRequest() : RequestBase<JsonElement[]>("getUpdates")
{
    public int? Offset { get; set; }

    public int? Limit { get; set; }

    public int? Timeout { get; set; }

    [JsonPropertyName("allowed_updates")]
    public IEnumerable<UpdateType>? AllowedUpdates { get; set; }
}
