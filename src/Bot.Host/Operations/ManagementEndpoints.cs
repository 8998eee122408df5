using Bot.Host.Operations.Health;
using Microsoft.AspNetCore.Routing;

namespace Bot.Host.Operations;

/// <summary>
/// Health and metrics answer only on the management port (Management:Urls), everything else only on the public one
/// (Urls): a reverse proxy that forwards webhooks never exposes metrics. Requests are told apart by the local port.
/// </summary>
public static class ManagementEndpoints
{
    private static readonly HashSet<string> Paths = new(StringComparer.OrdinalIgnoreCase) { "/healthz", "/healthz/live", "/healthz/ready", "/metrics" };

    public static WebApplication MapBotManagement(this WebApplication app, IReadOnlySet<int> managementPorts)
    {
        app.Use(async (context, next) =>
        {
            var managementPath = Paths.Contains(context.Request.Path.Value?.TrimEnd('/') is { Length: > 0 } path ? path : "/");
            if (managementPorts.Contains(context.Connection.LocalPort) != managementPath)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
        });

        app.MapHealthChecks("/healthz", HealthResponse.Ready);
        app.MapHealthChecks("/healthz/ready", HealthResponse.Ready);
        app.MapHealthChecks("/healthz/live", HealthResponse.Live);
        app.MapPrometheusScrapingEndpoint("/metrics").WithMetadata(new HttpMethodMetadata([HttpMethods.Get]));
        return app;
    }
}
