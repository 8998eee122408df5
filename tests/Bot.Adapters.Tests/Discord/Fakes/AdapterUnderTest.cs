using Bot.Adapters.Discord;
using Bot.Core.Messaging;
using Bot.Testing.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Adapters.Tests.Discord.Fakes;

/// <summary>The Discord adapter as AddDiscordAdapter wires it, pointed at the fake, with a recording stand-in for Core.</summary>
internal sealed class AdapterUnderTest : IAsyncDisposable
{
    public AdapterUnderTest(FakeDiscordServer server, Action<Dictionary<string, string?>>? configure = null)
    {
        Server = server;
        var settings = DiscordTestOptions.Settings(server);
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Inbox);
        services.AddScoped<IInboundMessageHandler, RecordingInboundHandler>();
        services.AddDiscordAdapter(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        Services = services.BuildServiceProvider();
        Service = (DiscordGatewayService)Services.GetServices<IHostedService>().Single();
    }

    public FakeDiscordServer Server { get; }

    public RecordingInboundHandler.Inbox Inbox { get; } = new();

    public ServiceProvider Services { get; }

    public DiscordGatewayService Service { get; }

    public async ValueTask DisposeAsync()
    {
        await Service.StopAsync(CancellationToken.None);
        await Services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
