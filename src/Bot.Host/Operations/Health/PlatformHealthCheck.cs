using Bot.Core.Messaging;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations.Health;

/// <summary>One enabled chat platform: connected, or degraded while its last call failed.</summary>
public sealed class PlatformHealthCheck(IPlatformHealth platform) : IHealthCheck
{
    public const string NamePrefix = "platform:";

    public static string NameOf(Platform platform) => NamePrefix + platform.ToString().ToLowerInvariant();

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(platform.IsConnected
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded($"{platform.Platform} is not connected (see the log for why)."));
}
