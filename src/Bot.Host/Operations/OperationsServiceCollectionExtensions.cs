using Bot.Core.Observability;
using OpenTelemetry.Metrics;

namespace Bot.Host.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>Metrics in Prometheus format at /metrics, the outbox sampler, and JSON logs when Logging:Format is "json".</summary>
    public static WebApplicationBuilder AddBotOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OutboxLagSampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxLagSampler>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(BotMetrics.MeterName)
            .AddPrometheusExporter());

        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        return builder;
    }

    public static WebApplication MapBotOperations(this WebApplication app)
    {
        app.MapBotHealth();
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
