namespace Bot.Host.Operations;

/// <summary>
/// WebApplicationBuilder adds the HTTP server as the last hosted service, so nothing answers until every other service
/// has started. The bot's start-up may wait a long time for its database; moving the server first lets /healthz say
/// why meanwhile. Everything else keeps its order (the database service still runs before the rest).
/// </summary>
public sealed class ServerStartsFirst(ServiceProviderOptions options) : IServiceProviderFactory<IServiceCollection>
{
    public IServiceCollection CreateBuilder(IServiceCollection services)
    {
        // Build() has just appended the server's descriptor: the last hosted service.
        var server = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(server);
        services.Insert(0, server);
        return services;
    }

    public IServiceProvider CreateServiceProvider(IServiceCollection containerBuilder) => containerBuilder.BuildServiceProvider(options);
}
