using System.Net;
using System.Net.Http.Json;
using Bot.Core.Messaging;

namespace Bot.Host.Delivery;

/// <summary>
/// Test and benchmark sink (see <see cref="LoopbackPlatformOptions"/>): POSTs {chatId, text, key} to a loopback URL
/// and reads the answer the way platform adapters do: 200 sent, 429 + Retry-After, 403 unreachable, else later.
/// </summary>
public sealed class LoopbackChatPlatform(HttpClient http, Platform platform) : IChatPlatform
{
    public Platform Platform { get; } = platform;

    public async Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            "",
            new LoopbackMessage(message.Chat.ChatId, message.Text, idempotencyKey, message.Choices.Select(c => c.Id).ToArray()),
            cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK or HttpStatusCode.NoContent => SendResult.Sent,
            HttpStatusCode.TooManyRequests => SendResult.RateLimited(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)),
            HttpStatusCode.Forbidden => SendResult.NotReachable("forbidden"),
            HttpStatusCode.BadRequest => SendResult.Refused("bad-request"),
            _ => SendResult.Later(null, "http-" + (int)response.StatusCode),
        };
    }

    public sealed record LoopbackMessage(string ChatId, string Text, string Key, IReadOnlyList<string> Choices);
}
