using System.Text.Json;
using Bot.Adapters.Persistence;
using Bot.Core.Persistence;

namespace Bot.Host.Cli;

/// <summary>`stats`: counts only, as JSON, for operators. Nothing about any one person.</summary>
public static class StatsCommand
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(HostArguments arguments)
    {
        using var host = ToolHost.Build(arguments);
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var statistics = await scope.ServiceProvider.GetRequiredService<IStatisticsStore>()
            .ReadAsync(TimeProvider.System.GetUtcNow(), CancellationToken.None);
        await Console.Out.WriteLineAsync(JsonSerializer.Serialize(statistics, Indented));
        return 0;
    }
}
