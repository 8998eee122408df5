using Bot.Core.Messaging;
using Bot.Core.Observability;
using Bot.Host.Operations.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Bot.Host.Operations;

public static class OperationsServiceCollectionExtensions
{
    /// <summary>
    /// Health checks (the database, each enabled platform, whether any platform is on, the outbox lag), metrics in
    /// Prometheus format, the outbox sampler, and JSON logs when Logging:Format is "json". Call after the adapters.
    /// </summary>
    public static WebApplicationBuilder AddBotOperations(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.SectionName)
            .Validate(o => o.OutboxLagLimit > TimeSpan.Zero, "Management:OutboxLagLimit must be a positive duration such as 00:15:00.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxLagSampler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OutboxLagSampler>());
        ChatPlatformPresence.Register(builder.Services);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>(DatabaseHealthCheck.Name)
            .AddCheck<ChatPlatformPresence>(ChatPlatformPresence.Name)
            .AddCheck<OutboxLagHealthCheck>(OutboxLagHealthCheck.Name);

        // One check per enabled platform; which are enabled is known once the adapters' services exist.
        builder.Services.AddOptions<HealthCheckServiceOptions>().Configure<IEnumerable<IPlatformHealth>>((options, platforms) =>
        {
            foreach (var platform in platforms)
            {
                options.Registrations.Add(new HealthCheckRegistration(PlatformHealthCheck.NameOf(platform.Platform), _ => new PlatformHealthCheck(platform), HealthStatus.Degraded, null));
            }
        });
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
}
