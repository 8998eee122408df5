using Bot.Core.Community;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace Bot.Adapters.Telegram;

public static class TelegramServiceCollectionExtensions
{
    public const string HttpClientName = "telegram";

    /// <summary>
    /// Registers the Telegram adapter only when it is on (Telegram:BotToken set, or Telegram:Enabled true; see
    /// <see cref="PlatformSwitch"/>): the client, the chat platform, and either the
    /// poller (Mode=Polling) or the webhook receiver (Mode=Webhook; map it with Bot.Host's MapTelegramWebhook).
    /// </summary>
    public static IServiceCollection AddTelegramAdapter(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(TelegramOptions.SectionName);
        if (!PlatformSwitch.IsOn(section))
        {
            return services;
        }

        var configured = section.Get<TelegramOptions>() ?? new TelegramOptions();

        services.AddOptions<TelegramOptions>().Bind(section).PostConfigure(o => o.Enabled = true).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelegramOptions>, TelegramOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpClientName)
            .ConfigureHttpClient((sp, http) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                http.Timeout = o.PollingTimeout + o.RequestTimeout;
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(3) })
            .RemoveAllLoggers()
            .AddTypedClient<ITelegramBotClient>((http, sp) => CreateClient(sp.GetRequiredService<IOptions<TelegramOptions>>().Value, http));

        services.TryAddSingleton(sp => new TelegramCallbackData(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.BotToken));
        services.TryAddSingleton(sp => new TelegramBotIdentity(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.BotUsername));
        services.TryAddSingleton<TelegramHealth>();
        services.AddSingleton<IPlatformHealth>(sp => sp.GetRequiredService<TelegramHealth>());
        services.TryAddSingleton<TelegramUpdateProcessor>();
        services.TryAddSingleton<PoisonGuard>();
        services.TryAddSingleton<TelegramInboundRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IInboundReplayer, TelegramInboundReplayer>());
        services.TryAddSingleton<TelegramBotSetup>();
        services.TryAddSingleton<TelegramChatPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<TelegramChatPlatform>());

        if (configured.Mode == TelegramMode.Webhook)
        {
            services.TryAddSingleton<TelegramWebhookReceiver>();
            services.AddHostedService<TelegramWebhookSetupService>();
        }
        else
        {
            // With PostgreSQL the store registers its advisory-lock lease (replicas elect one poller); otherwise this
            // process is the only one.
            services.TryAddSingleton<IPollerLease, SingleProcessPollerLease>();
            services.TryAddSingleton<TelegramPollingService>();
            services.AddHostedService(sp => sp.GetRequiredService<TelegramPollingService>());
        }

        return services;
    }

    /// <summary>The library's own 429 sleep is off (RetryThreshold 0): a 429 goes back to the outbox as "try later".</summary>
    public static TelegramBotClient CreateClient(TelegramOptions options, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        // The library treats any explicit base URL as a self-hosted ("local") Bot API server, so pass none for the public one.
        var isPublicApi = Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var url)
            && url.GetLeftPart(UriPartial.Authority) == TelegramOptions.DefaultApiBaseUrl;
        var clientOptions = new TelegramBotClientOptions(options.BotToken, isPublicApi ? null : options.ApiBaseUrl) { RetryThreshold = 0 };
        return new TelegramBotClient(clientOptions, http);
    }
}
