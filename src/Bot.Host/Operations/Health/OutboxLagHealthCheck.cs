using System.Globalization;
using Bot.Core.Persistence;
using Bot.Host.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Bot.Host.Operations.Health;

/// <summary>How far behind the outbox is: degraded once its oldest waiting message is older than Management:OutboxLagLimit.</summary>
public sealed class OutboxLagHealthCheck(OutboxLagSampler sampler, StoreReadiness store, IOptions<ManagementOptions> options) : IHealthCheck
{
    public const string Name = "outbox";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = store.IsOpen ? await SampleOrLatestAsync(cancellationToken) : sampler.Latest;
        var data = new Dictionary<string, object>();
        if (lag is not null)
        {
            data["depth"] = lag.Depth;
            data["oldestAgeSeconds"] = Math.Round(lag.OldestAge.TotalSeconds, 1);
        }

        var limit = options.Value.OutboxLagLimit;
        return lag is not null && lag.OldestAge > limit
            ? HealthCheckResult.Degraded(
                $"The oldest outbox message has waited {lag.OldestAge.TotalMinutes.ToString("F0", CultureInfo.InvariantCulture)} minutes (Management:OutboxLagLimit is {limit}).",
                data: data)
            : HealthCheckResult.Healthy(data: data);
    }

    private async Task<OutboxLag?> SampleOrLatestAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            return await sampler.SampleAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return sampler.Latest;
        }
    }
}
