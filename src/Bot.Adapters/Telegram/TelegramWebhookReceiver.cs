using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>
/// The webhook's logic without ASP.NET: check the secret, read the update, hand it to the Core and say which HTTP status
/// to answer. A non-2xx makes Telegram deliver the update again, so only a committed update gets 200.
/// </summary>
public sealed class TelegramWebhookReceiver(
    TelegramUpdateProcessor processor,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookReceiver> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public async Task<int> ReceiveAsync(string? secretToken, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);

        if (!SecretMatches(secretToken, options.Value.WebhookSecret))
        {
            TelegramLog.WebhookRejected(logger);
            return 401;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(body, JsonBotAPI.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return 400;
        }

        if (update is null)
        {
            return 400;
        }

        try
        {
            await processor.ProcessAsync(update, cancellationToken);
            return 200;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            TelegramLog.WebhookFailed(logger, ex);
            return 500;
        }
    }

    private static bool SecretMatches(string? presented, string expected)
    {
        if (string.IsNullOrEmpty(presented) || string.IsNullOrEmpty(expected))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
    }
}
