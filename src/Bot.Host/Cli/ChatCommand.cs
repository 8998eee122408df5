using System.Text;
using Bot.Adapters.Terminal;
using Bot.Core.Messaging;
using Bot.Host.Delivery;

namespace Bot.Host.Cli;

/// <summary>`chat`: talk to the engine in a terminal or through a pipe, one message per line; EOF ends it.</summary>
public static class ChatCommand
{
    public static async Task<int> RunAsync(HostArguments arguments, string? user)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = arguments.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (arguments.DataDirectory is not null)
        {
            builder.Configuration["Storage:Provider"] = "Sqlite";
            builder.Configuration["Storage:DataDirectory"] = arguments.DataDirectory;
        }

        QuietLogging.ToStandardError(builder.Logging);
        StartFailuresToldOnce.Apply(builder.Logging);
        var userName = user ?? Environment.UserName;
        var session = new TerminalSession(string.IsNullOrWhiteSpace(userName) ? "me" : userName, Console.Out);
        builder.Services.AddBotEssentials(builder.Configuration);
        builder.Services.AddSingleton(session);
        builder.Services.AddSingleton<IChatPlatform, TerminalChatPlatform>();

        using var host = builder.Build();
        await host.StartAsync();
        var delivery = host.Services.GetRequiredService<OutboxDelivery>();
        var clock = host.Services.GetRequiredService<TimeProvider>();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var cancellation = lifetime.ApplicationStopping;

        if (!Console.IsInputRedirected)
        {
            await Console.Error.WriteLineAsync("Type /checkin to start a check-in, /help for more. Ctrl-D leaves.");
        }

        await DrainAsync(delivery, cancellation);
        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, false));
        while (!cancellation.IsCancellationRequested && await input.ReadLineAsync(cancellation) is { } line)
        {
            var message = TerminalInputMapper.Map(line, session, Guid.NewGuid().ToString("N"), clock.GetUtcNow());
            if (message is null)
            {
                continue;
            }

            using (var scope = host.Services.CreateScope())
            {
                await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, cancellation);
            }

            await DrainAsync(delivery, cancellation);
        }

        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task DrainAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        while (await delivery.DeliverBatchAsync(cancellationToken) > 0)
        {
        }
    }
}
