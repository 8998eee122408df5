using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Bot.Core.Inbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Telegram;

/// <summary>
/// The webhook's logic without ASP.NET: check the secret, read the update, hand it to the Core and say which HTTP status
/// to answer. A non-2xx makes Telegram deliver the update again, so only a committed or a parked update gets 200: an
/// update that fails every attempt (or that Telegram.Bot cannot read) is parked and blocks no one.
/// </summary>
public sealed class TelegramWebhookReceiver(
    TelegramInboundRunner runner,
    IOptions<TelegramOptions> options,
    ILogger<TelegramWebhookReceiver> logger)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>Telegram may deliver over several connections at once: one chat's updates still reach the Core one at a time.</summary>
    private readonly ChatLanes _lanes = new();

    public async Task<int> ReceiveAsync(string? secretToken, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);

        if (!SecretMatches(secretToken, options.Value.WebhookSecret))
        {
            TelegramLog.WebhookRejected(logger);
            return 401;
        }

        TelegramInboundUpdate? update;
        try
        {
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            update = TelegramInboundUpdate.Read(json.RootElement);
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
            // Outages are not waited out here: 500 hands the update back to Telegram, which delivers it again later.
            using var turn = await _lanes.Enter(TelegramOrderingKey.Lane(update.Lane));
            await runner.RunAsync(update, waitOutOutages: false, cancellationToken);
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
