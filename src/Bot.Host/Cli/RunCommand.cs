using Bot.Adapters.Discord;
using Bot.Adapters.Telegram;
using Bot.Host.Community;
using Bot.Host.Database;
using Bot.Host.Delivery;
using Bot.Host.History;
using Bot.Host.Telegram;
using Bot.Host.Operations;
using Bot.Host.Scheduling;

namespace Bot.Host.Cli;

/// <summary>`run`: the long-running bot: configured platforms, Quartz jobs, outbox delivery and HTTP endpoints.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(HostArguments arguments)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = arguments.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (arguments.DataDirectory is not null)
        {
            builder.Configuration["Storage:DataDirectory"] = arguments.DataDirectory;
        }

        var listeners = ServerUrls.Validate(builder.Configuration);
        builder.WebHost.UseUrls(listeners.All);
        StartFailuresToldOnce.Apply(builder.Logging);
        var development = builder.Environment.IsDevelopment();
        builder.Host.UseServiceProviderFactory(new ServerStartsFirst(new ServiceProviderOptions { ValidateScopes = development, ValidateOnBuild = development }));
        builder.Services.Configure<DatabaseStartupOptions>(o => o.WaitWhileUnreachable = true);

        builder.Services.AddBotEssentials(builder.Configuration);
        builder.Services.AddTelegramAdapter(builder.Configuration);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        builder.Services.AddCommunityCheckIns();
        builder.Services.AddBotScheduling(builder.Configuration);
        builder.Services.AddBotHistoryJobs();
        builder.Services.AddHostedService<OutboxDeliveryWorker>();
        builder.Services.AddLoopbackPlatformIfConfigured(builder.Configuration);
        builder.AddBotOperations();

        var app = builder.Build();
        app.MapBotManagement(listeners.ManagementPorts);
        app.MapTelegramWebhook();
        app.MapLoopbackInboundIfConfigured();
        app.Services.GetRequiredService<ChatPlatformPresence>().WarnIfNone(app.Logger);
        var stopping = app.Lifetime.ApplicationStopping;
        try
        {
            await app.RunAsync();
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped (SIGTERM) while start-up was still waiting for the database.
        }

        return 0;
    }
}
