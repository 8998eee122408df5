using Bot.Core.Community;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

public static class DiscordServiceCollectionExtensions
{
    public const string HttpClientName = "discord";

    /// <summary>Registers the Discord adapter only when it is on (a token, or Discord:Enabled true; see <see cref="PlatformSwitch"/>).</summary>
    public static IServiceCollection AddDiscordAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DiscordOptions.SectionName);
        if (!PlatformSwitch.IsOn(section))
        {
            return services;
        }

        services.AddOptions<DiscordOptions>().Bind(section).PostConfigure(o => o.Enabled = true).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DiscordOptions>, DiscordOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // Interaction tokens travel in URL paths: no HTTP logging on this client.
        services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .RemoveAllLoggers();

        // Singletons: the rate-limit state and the gateway session must be shared by everything that talks to Discord.
        services.AddSingleton(sp => new DiscordRequestGuard(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<DiscordConnection>();
        services.AddSingleton<IPlatformHealth, DiscordPlatformHealth>();
        services.AddSingleton<DiscordChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<DiscordChatPlatform>());
        services.TryAddSingleton<PoisonGuard>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboundReplayer, DiscordInboundReplayer>());
        services.AddSingleton<DiscordGatewayService>();
        services.AddHostedService(sp => sp.GetRequiredService<DiscordGatewayService>());
        return services;
    }
}
