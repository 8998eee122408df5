using Bot.Core.Commands;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>Start-up chores: learn the bot's username, register the command menu, and set or clear the webhook.</summary>
public sealed class TelegramBotSetup(
    ITelegramBotClient bot,
    TelegramBotIdentity identity,
    TelegramHealth health,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramBotSetup> logger)
{
    /// <summary>The command menu: every command of the one list, in the order /help shows them.</summary>
    public static IReadOnlyList<BotCommand> Commands() =>
        CommandCatalog.English.All.Select(c => new BotCommand(c.Name, c.About)).ToList();

    /// <summary>Retries with backoff until done or cancelled: the bot cannot work without it, and Telegram may be briefly away.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        for (var failures = 1; ; failures++)
        {
            try
            {
                await ConfigureOnceAsync(settings, cancellationToken);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                health.Lost();
                var delay = TelegramBackoff.After(settings, failures);
                TelegramLog.SetupFailed(logger, ex, delay);
                await Task.Delay(delay, clock, cancellationToken);
            }
        }
    }

    private async Task ConfigureOnceAsync(TelegramOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.RequestTimeout * 4);

        var me = await bot.GetMe(timeout.Token);
        identity.Learned(me.Username);

        var commands = Commands();
        await bot.SetMyCommands(commands, cancellationToken: timeout.Token);

        if (settings.Mode == TelegramMode.Webhook)
        {
            await bot.SetWebhook(
                settings.WebhookUrl,
                allowedUpdates: TelegramUpdateMapper.AllowedUpdates,
                dropPendingUpdates: false,
                secretToken: settings.WebhookSecret,
                cancellationToken: timeout.Token);
        }
        else
        {
            // getUpdates refuses to run while a webhook is set; removing it keeps every pending update.
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken: timeout.Token);
        }

        health.Reached();
        TelegramLog.SetupDone(logger, identity.Username ?? "?", commands.Count, settings.Mode);
    }
}
