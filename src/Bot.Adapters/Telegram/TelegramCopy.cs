using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Core;

namespace Bot.Adapters.Telegram;

/// <summary>What the Telegram adapter itself says (expired buttons, community post), loaded from telegram.en.json.</summary>
public sealed class TelegramCopy
{
    private static readonly Lazy<TelegramCopy> LazyEnglish = new(Load);

    [JsonPropertyName("expiredButton")]
    public string ExpiredButton { get; init; } = "";

    [JsonPropertyName("communityPost")]
    public CommunityPostCopy CommunityPost { get; init; } = new();

    public static TelegramCopy English => LazyEnglish.Value;

    private static TelegramCopy Load()
    {
        return EmbeddedJson.Read<TelegramCopy>(typeof(TelegramCopy).Assembly, "Bot.Adapters.Telegram.telegram.en.json");
    }

    public sealed class CommunityPostCopy
    {
        [JsonPropertyName("text")]
        public string Text { get; init; } = "";

        [JsonPropertyName("button")]
        public string Button { get; init; } = "";
    }
}
