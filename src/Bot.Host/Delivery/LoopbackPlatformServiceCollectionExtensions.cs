using Bot.Adapters.Persistence;
using Bot.Core.Messaging;

namespace Bot.Host.Delivery;

public static class LoopbackPlatformServiceCollectionExtensions
{
    /// <summary>Registers the loopback sink only when LoopbackPlatform:Url is set; refuses anything but a loopback address.</summary>
    public static IServiceCollection AddLoopbackPlatformIfConfigured(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(LoopbackPlatformOptions.SectionName).Get<LoopbackPlatformOptions>();
        if (options is null || string.IsNullOrWhiteSpace(options.Url))
        {
            return services;
        }

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || !url.IsLoopback)
        {
            throw new ConfigurationException("LoopbackPlatform:Url", "must be an http address on 127.0.0.1 (it is a test sink; leave it unset in production).");
        }

        services.AddSingleton<IChatPlatform>(_ => new LoopbackChatPlatform(
            new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(10) },
            options.Platform));
        return services;
    }
}
