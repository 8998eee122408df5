using System.Text;
using Bot.Adapters.Persistence;
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
        builder.Services.AddTerminalFiles();
        builder.Services.AddSingleton<IChatPlatform, TerminalChatPlatform>();

        using var host = builder.Build();
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        var cancellation = lifetime.ApplicationStopping;
        try
        {
            await host.StartAsync(cancellation);
            await TalkAsync(host.Services, session, cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // SIGTERM or Ctrl-C: the host is stopping; what was said is already stored.
        }

        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task TalkAsync(IServiceProvider services, TerminalSession session, CancellationToken cancellation)
    {
        var delivery = services.GetRequiredService<OutboxDelivery>();
        var clock = services.GetRequiredService<TimeProvider>();

        // The greeting (or the welcome back, with the buttons shown last) comes before anything is typed.
        await HandleAsync(services, TerminalInputMapper.Opened(session, Guid.NewGuid().ToString("N"), clock.GetUtcNow()), cancellation);
        await DrainAsync(delivery, cancellation);
        await session.Output.WriteLineAsync(TerminalCopy.English.Hint.AsMemory(), cancellation);
        await session.Output.FlushAsync(cancellation);

        using var input = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false, false));
        // A read from a terminal does not notice cancellation by itself; waiting on it does.
        while (await input.ReadLineAsync(cancellation).AsTask().WaitAsync(cancellation) is { } line)
        {
            var message = TerminalInputMapper.Map(line, session, Guid.NewGuid().ToString("N"), clock.GetUtcNow());
            if (message is null)
            {
                continue;
            }

            await HandleAsync(services, message, cancellation);
            await DrainAsync(delivery, cancellation);
        }
    }

    private static async Task HandleAsync(IServiceProvider services, InboundMessage message, CancellationToken cancellation)
    {
        using var scope = services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, cancellation);
    }

    private static async Task DrainAsync(OutboxDelivery delivery, CancellationToken cancellationToken)
    {
        while (await delivery.DeliverBatchAsync(cancellationToken) > 0)
        {
        }
    }
}
