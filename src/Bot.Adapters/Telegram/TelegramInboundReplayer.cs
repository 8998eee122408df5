using System.Text.Json;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>`dead-letters retry` for Telegram: the parked raw update goes through the same processor once more.</summary>
internal sealed class TelegramInboundReplayer(TelegramUpdateProcessor processor) : IInboundReplayer
{
    public Platform Platform => Platform.Telegram;

    public Task ReplayAsync(string rawPayload, CancellationToken cancellationToken)
    {
        var update = JsonSerializer.Deserialize<Update>(rawPayload, JsonBotAPI.Options)
            ?? throw new JsonException("The parked update is empty.");
        return processor.ProcessAsync(update, cancellationToken);
    }
}
