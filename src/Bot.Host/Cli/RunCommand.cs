using Bot.Adapters.Discord;
using Bot.Adapters.Telegram;
using Bot.Host.Community;
using Bot.Host.Delivery;
using Bot.Host.History;
using Bot.Host.Telegram;
using Bot.Host.Operations;
using Bot.Host.Scheduling;

namespace Bot.Host.Cli;

/// <summary>`run`: the long-running bot: configured platforms, Quartz jobs, outbox delivery and HTTP endpoints.</summary>
public static class RunCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = commandLine.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (commandLine.DataDirectory is not null)
        {
            builder.Configuration["Storage:DataDirectory"] = commandLine.DataDirectory;
        }

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
        app.MapBotOperations();
        app.MapTelegramWebhook();
        app.MapLoopbackInboundIfConfigured();
        await app.RunAsync();
        return 0;
    }
}
