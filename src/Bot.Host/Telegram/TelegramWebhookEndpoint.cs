using Bot.Adapters.Telegram;
using Microsoft.Extensions.Options;

namespace Bot.Host.Telegram;

public static class TelegramWebhookEndpoint
{
    public const string DefaultPath = "/telegram/webhook";

    /// <summary>
    /// Maps POST at the path of Telegram:WebhookUrl (or <see cref="DefaultPath"/>) when Telegram runs in webhook mode;
    /// does nothing otherwise. A wrong or missing X-Telegram-Bot-Api-Secret-Token gets 401 and nothing is processed.
    /// </summary>
    public static IEndpointRouteBuilder MapTelegramWebhook(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<TelegramWebhookReceiver>() is null)
        {
            return endpoints;
        }

        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelegramOptions>>().Value;
        endpoints.MapPost(PathOf(options.WebhookUrl), async (HttpContext context, TelegramWebhookReceiver receiver) =>
        {
            var secret = context.Request.Headers[TelegramWebhookReceiver.SecretHeader].FirstOrDefault();
            var status = await receiver.ReceiveAsync(secret, context.Request.Body, context.RequestAborted);
            return Results.StatusCode(status);
        });
        return endpoints;
    }

    private static string PathOf(string webhookUrl) =>
        Uri.TryCreate(webhookUrl, UriKind.Absolute, out var uri) && uri.AbsolutePath.Length > 1 ? uri.AbsolutePath : DefaultPath;
}
