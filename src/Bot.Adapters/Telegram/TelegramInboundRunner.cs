using Bot.Core.Inbound;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Polling and the webhook hand each update here: <see cref="PoisonGuard"/> gives it Telegram:InboundAttempts tries with
/// Telegram's backoff and parks it after that. An update the library could not read is parked at once: trying again
/// will not make it readable. True when it was processed, false when it was parked.
/// </summary>
public sealed class TelegramInboundRunner(TelegramUpdateProcessor processor, PoisonGuard guard, IOptions<TelegramOptions> options)
{
    internal Task<bool> RunAsync(TelegramInboundUpdate update, bool waitOutOutages, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var attempts = new InboundAttempts(
            update.ReadError is null ? settings.InboundAttempts : 1,
            failures => TelegramBackoff.After(settings, failures),
            waitOutOutages);
        return guard.RunAsync(
            update.ToInbound(),
            attempts,
            token => update.Update is { } readable ? processor.ProcessAsync(readable, token) : Task.FromException(update.ReadError!),
            cancellationToken);
    }
}
