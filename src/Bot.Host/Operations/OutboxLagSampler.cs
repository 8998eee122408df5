using Bot.Core.Observability;
using Bot.Core.Persistence;

namespace Bot.Host.Operations;

/// <summary>Samples outbox depth and age for /metrics and /healthz, so scrapes never query the database themselves.</summary>
public sealed partial class OutboxLagSampler : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxLagSampler> _logger;

    public OutboxLagSampler(IServiceScopeFactory scopes, TimeProvider clock, BotMetrics metrics, ILogger<OutboxLagSampler> logger)
    {
        _scopes = scopes;
        _clock = clock;
        _logger = logger;
        metrics.ObserveGauge("compassionbot.outbox.depth", "Messages waiting in the outbox", () => Latest?.Depth ?? 0);
        metrics.ObserveGauge("compassionbot.outbox.oldest_age_seconds", "Age of the oldest waiting message", () => Latest?.OldestAge.TotalSeconds ?? 0);
    }

    public OutboxLag? Latest { get; private set; }

    public async Task<OutboxLag> SampleAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        Latest = await scope.ServiceProvider.GetRequiredService<IOutboxStore>().MeasureAsync(_clock.GetUtcNow(), cancellationToken);
        return Latest;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSampleFailed(_logger, ex);
            }

            try
            {
                await Task.Delay(Interval, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "Could not sample the outbox")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
