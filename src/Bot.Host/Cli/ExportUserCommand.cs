using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;

namespace Bot.Host.Cli;

/// <summary>`export-user`: everything stored about one person, as the JSON file /export gives them, to a file or stdout.</summary>
public static class ExportUserCommand
{
    public static async Task<int> RunAsync(CommandLine commandLine)
    {
        using var host = ToolHost.Build(commandLine, services => services.AddScoped<IPersonDataStore, EfPersonDataStore>());
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var configuration = host.Services.GetRequiredService<IConfiguration>();
        if (await PersonLookup.FindAsync(scope.ServiceProvider, configuration, Console.Error) is not { } person)
        {
            return 1;
        }

        var export = await scope.ServiceProvider.GetRequiredService<IPersonDataStore>()
            .ExportAsync(person.PersonId, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var file = ExportFiles.Json(export);
        if (configuration["out"] is { Length: > 0 } path)
        {
            await File.WriteAllBytesAsync(path, file.Content);
            await Console.Error.WriteLineAsync($"Written to {path}.");
        }
        else
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(file.Content);
        }

        return 0;
    }
}
