using Bot.Adapters.Persistence;
using Bot.Host.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Host.Operations.Health;

/// <summary>The database answers ("unreachable" while start-up waits for it, "starting" until it is migrated, then "ok").</summary>
public sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, StoreReadiness store) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await AnswersAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("The database does not answer (ConnectionStrings:Postgres).", data: State("unreachable"));
        }

        return store.IsOpen
            ? HealthCheckResult.Healthy(data: State("ok"))
            : HealthCheckResult.Unhealthy("The database is being prepared (migrations).", data: State("starting"));
    }

    private static Dictionary<string, object> State(string state) => new() { ["state"] = state };

    private async Task<bool> AnswersAsync(CancellationToken ct)
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
}
