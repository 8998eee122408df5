using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Bot.Host.Database;

namespace Bot.Host.Operations;

/// <summary>
/// /healthz: the database answers ("unreachable" while start-up waits for it, "starting" until it is migrated), every
/// enabled platform is connected, and how far behind the outbox is.
/// </summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapBotHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (IServiceScopeFactory scopes, IEnumerable<IPlatformHealth> platforms, OutboxLagSampler sampler, StoreReadiness store, ChatPlatformPresence presence, CancellationToken ct) =>
        {
            var database = !await DatabaseAnswersAsync(scopes, ct) ? "unreachable" : store.IsOpen ? "ok" : "starting";
            var databaseUp = database == "ok";
            var lag = databaseUp ? await SampleOrLatestAsync(sampler, ct) : sampler.Latest;
            var platformStates = platforms.ToDictionary(
                p => p.Platform.ToString().ToLowerInvariant(),
                p => p.IsConnected ? "connected" : "disconnected");
            var healthy = databaseUp && presence.Any && platformStates.Values.All(v => v == "connected");
            var body = new
            {
                status = healthy ? "ok" : "degraded",
                reason = presence.Any ? null : ChatPlatformPresence.NoneEnabled,
                database,
                platforms = platformStates,
                outbox = new { depth = lag?.Depth, oldestAgeSeconds = lag is null ? (double?)null : Math.Round(lag.OldestAge.TotalSeconds, 1) },
            };
            return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }

    private static async Task<bool> DatabaseAnswersAsync(IServiceScopeFactory scopes, CancellationToken ct)
    {
        try
        {
            using var scope = scopes.CreateScope();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            return await scope.ServiceProvider.GetRequiredService<BotDbContext>().Database.CanConnectAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<Bot.Core.Persistence.OutboxLag?> SampleOrLatestAsync(OutboxLagSampler sampler, CancellationToken ct)
    {
        try
        {
            return await sampler.SampleAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return sampler.Latest;
        }
    }
}
