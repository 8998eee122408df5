using Bot.Adapters.Persistence;

namespace Bot.Host.Cli;

/// <summary>`migrate`: apply the committed migrations of the configured store and exit.</summary>
public static class MigrateCommand
{
    public static async Task<int> RunAsync(HostArguments arguments)
    {
        using var host = ToolHost.Build(arguments);
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var provider = host.Services.GetRequiredService<StoreSettings>().Provider;
        await Console.Out.WriteLineAsync($"Migrations applied ({provider}).");
        return 0;
    }
}
