using Bot.Core.Persistence;

namespace Bot.Host.Delivery;

/// <summary>
/// While a delivery round runs, its claimed rows stay leased to it (renewed every third of the lease), so a slow round
/// under rate limits never loses rows it is still sending, and the lease itself can be short: a dead worker's rows are
/// free again within one lease.
/// </summary>
internal sealed partial class LeaseRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private LeaseRenewal(IServiceScopeFactory scopes, TimeProvider clock, IReadOnlyCollection<long> ids, TimeSpan lease, ILogger logger) =>
        _loop = RenewAsync(scopes, clock, ids, lease, logger, _stop.Token);

    public static LeaseRenewal Start(IServiceScopeFactory scopes, TimeProvider clock, IReadOnlyCollection<long> ids, TimeSpan lease, ILogger logger) =>
        new(scopes, clock, ids, lease, logger);

    private static async Task RenewAsync(
        IServiceScopeFactory scopes, TimeProvider clock, IReadOnlyCollection<long> ids, TimeSpan lease, ILogger logger, CancellationToken stop)
    {
        var every = lease / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, clock, stop);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IOutboxStore>().RenewLeaseAsync(ids, clock.GetUtcNow() + lease, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is away; the next renewal tries again. Sent marks are kept separately (SentMarks).
                LogRenewalFailed(logger, ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Renewing the outbox lease failed")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception);
}
