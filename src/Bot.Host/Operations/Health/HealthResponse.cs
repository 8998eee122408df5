using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations.Health;

/// <summary>
/// What /healthz/ready (and /healthz) answer: 200 when every check is healthy, 503 otherwise, with a small JSON body:
/// status, the reasons, the database state, each platform, and the outbox lag. Counts and states only.
/// </summary>
public static class HealthResponse
{
    public static readonly HealthCheckOptions Ready = new()
    {
        ResponseWriter = WriteAsync,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
    };

    /// <summary>/healthz/live: the process answers; no check runs, so a slow database never gets it restarted.</summary>
    public static readonly HealthCheckOptions Live = new()
    {
        Predicate = _ => false,
        ResponseWriter = (context, _) => context.Response.WriteAsJsonAsync(new { status = "ok" }),
    };

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var entries = report.Entries;
        var problems = entries.Values.Where(e => e.Status != HealthStatus.Healthy && e.Description is not null).Select(e => e.Description!).ToList();
        var outbox = entries.TryGetValue(OutboxLagHealthCheck.Name, out var lag) ? lag.Data : null;
        var body = new
        {
            status = report.Status switch { HealthStatus.Healthy => "ok", HealthStatus.Degraded => "degraded", _ => "unhealthy" },
            reason = problems.Count == 0 ? null : string.Join(" ", problems),
            database = entries.TryGetValue(DatabaseHealthCheck.Name, out var database) ? database.Data["state"] : null,
            platforms = entries
                .Where(e => e.Key.StartsWith(PlatformHealthCheck.NamePrefix, StringComparison.Ordinal))
                .ToDictionary(e => e.Key[PlatformHealthCheck.NamePrefix.Length..], e => e.Value.Status == HealthStatus.Healthy ? "connected" : "disconnected"),
            outbox = new { depth = outbox?.GetValueOrDefault("depth"), oldestAgeSeconds = outbox?.GetValueOrDefault("oldestAgeSeconds") },
        };
        return context.Response.WriteAsJsonAsync(body);
    }
}
