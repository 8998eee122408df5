using Microsoft.Extensions.Hosting;

namespace Bot.Adapters.Telegram;

/// <summary>Webhook mode: registers the command menu and the webhook (with its secret) once at start-up.</summary>
public sealed class TelegramWebhookSetupService(TelegramBotSetup setup) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await setup.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped before Telegram could be reached.
        }
    }
}
