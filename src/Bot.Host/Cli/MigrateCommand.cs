using Bot.Adapters.Persistence;

namespace Bot.Host.Cli;

/// <summary>`migrate`: apply the committed migrations of the configured store and exit.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = commandLine.ConfigurationArgs,
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (commandLine.DataDirectory is not null)
        {
            builder.Configuration["Storage:DataDirectory"] = commandLine.DataDirectory;
        }

        QuietLogging.ToStandardError(builder.Logging);
        builder.Services.AddBotPersistence(builder.Configuration);
        using var host = builder.Build();
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var provider = host.Services.GetRequiredService<StoreSettings>().Provider;
        await Console.Out.WriteLineAsync($"Migrations applied ({provider}).");
        return 0;
    }
}
