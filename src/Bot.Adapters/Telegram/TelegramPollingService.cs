using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Long polling without the library's receiver: the offset moves past a batch only after the Core has committed all of it,
/// pending updates are never dropped, and only the replica holding the <see cref="IPollerLease"/> polls. Within a batch,
/// chats are handled concurrently and each chat's updates in order (<see cref="TelegramBatchRunner"/>). An update that
/// fails every attempt is parked (<see cref="TelegramInboundRunner"/>), so the offset always moves on.
/// </summary>
public sealed class TelegramPollingService(
    ITelegramBotClient bot,
    TelegramInboundRunner runner,
    TelegramBotSetup setup,
    TelegramBotIdentity identity,
    TelegramHealth health,
    IPollerLease lease,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    /// <summary>Updates per getUpdates call, Telegram's maximum.</summary>
    internal const int BatchLimit = 100;

    /// <summary>The next offset to ask for; exposed for tests and diagnostics.</summary>
    public int? Offset { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var waiting = false;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var handle = await lease.TryAcquireAsync(stoppingToken);
                    if (handle is null)
                    {
                        // A standby replica is healthy: it is not meant to talk to Telegram.
                        health.Reached();
                        if (!waiting)
                        {
                            TelegramLog.WaitingForLease(logger);
                            waiting = true;
                        }

                        await Task.Delay(settings.LeaseRetryInterval, clock, stoppingToken);
                        continue;
                    }

                    waiting = false;
                    failures = 0;
                    await using (handle)
                    {
                        await setup.RunAsync(stoppingToken);
                        await PollWhileHeldAsync(handle, settings, stoppingToken);
                    }
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // For example the database holding the lease is away. The host must keep running: back off, ask again.
                    health.Lost();
                    var delay = TelegramBackoff.After(settings, ++failures);
                    TelegramLog.LeaseFailed(logger, ex, delay);
                    await Task.Delay(delay, clock, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down. Anything not yet committed stays unconfirmed and comes back after the restart.
        }
    }

    private async Task PollWhileHeldAsync(IPollerLeaseHandle handle, TelegramOptions settings, CancellationToken stoppingToken)
    {
        TelegramLog.PollingStarted(logger, identity.Username ?? "?");
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!await handle.StillHeldAsync(stoppingToken))
            {
                TelegramLog.LeaseLost(logger);
                return;
            }

            IReadOnlyList<TelegramInboundUpdate> updates;
            try
            {
                updates = await GetUpdatesAsync(settings, stoppingToken);
                failures = 0;
                health.Reached();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                throw;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                health.Lost();
                TelegramLog.PollingConflict(logger, settings.ConflictBackoff);
                await Task.Delay(settings.ConflictBackoff, clock, stoppingToken);
                continue;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 429)
            {
                var delay = ex.Parameters?.RetryAfter is int seconds ? TimeSpan.FromSeconds(seconds) : TelegramBackoff.After(settings, ++failures);
                TelegramLog.PollingFailed(logger, ex, delay);
                await Task.Delay(delay, clock, stoppingToken);
                continue;
            }
            catch (Exception ex)
            {
                health.Lost();

                // 5xx, timeouts, broken connections. The library itself would retry at once, forever; back off instead.
                var delay = TelegramBackoff.After(settings, ++failures);
                TelegramLog.PollingFailed(logger, ex, delay);
                await Task.Delay(delay, clock, stoppingToken);
                continue;
            }

            // Every returned update goes to the Core, even one that looks old: after a quiet week Telegram may restart ids
            // at a random number, and repeats are the Core's to recognise (it dedupes on update_id with the turn).
            // Chats run side by side; the batch is confirmed only once all of it is committed.
            if (updates.Count > 0)
            {
                await TelegramBatchRunner.RunAsync(
                    updates,
                    update => update.Lane,
                    settings.PollingConcurrency,
                    (update, token) => runner.RunAsync(update, waitOutOutages: true, token),
                    stoppingToken);
                Offset = updates[^1].Id + 1;
            }
        }
    }

    private async Task<IReadOnlyList<TelegramInboundUpdate>> GetUpdatesAsync(TelegramOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            var updates = await bot.GetUpdates(
                Offset,
                BatchLimit,
                (int)settings.PollingTimeout.TotalSeconds,
                TelegramUpdateMapper.AllowedUpdates,
                stoppingToken);
            return [.. updates.Select(TelegramInboundUpdate.Of)];
        }
        catch (RequestException ex) when (ex is not ApiRequestException && ex.HttpStatusCode == System.Net.HttpStatusCode.OK)
        {
            // Telegram answered, but the library could not read the batch (one bad update spoils all of it). The same batch,
            // read raw, is taken apart update by update, so only the unreadable one is parked.
            TelegramLog.BatchUnreadable(logger, ex);
            var raw = await bot.SendRequest(
                new TelegramRawUpdatesRequest { Offset = Offset, Limit = BatchLimit, Timeout = 0, AllowedUpdates = TelegramUpdateMapper.AllowedUpdates },
                stoppingToken);
            return [.. raw.Select(TelegramInboundUpdate.Read).OfType<TelegramInboundUpdate>()];
        }
    }
}
