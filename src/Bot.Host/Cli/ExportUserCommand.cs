using Bot.Adapters.Persistence;
using Bot.Adapters.Persistence.Entities;
using Bot.Core.History;
using Bot.Core.Messaging;

namespace Bot.Host.Cli;

/// <summary>`export-user`: everything stored about one person, as the JSON file /export gives them, to a file or stdout.</summary>
public static class ExportUserCommand
{
    public static async Task<int> RunAsync(HostArguments arguments, Platform platform, string id, FileInfo? output)
    {
        using var host = ToolHost.Build(arguments, services => services.AddScoped<IPersonDataStore, EfPersonDataStore>());
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        if (await PersonLookup.FindAsync(scope.ServiceProvider, platform, id, Console.Error) is not { } person)
        {
            return 1;
        }

        var export = await scope.ServiceProvider.GetRequiredService<IPersonDataStore>()
            .ExportAsync(person.PersonId, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        var file = ExportFiles.Json(export);
        if (output is not null)
        {
            await File.WriteAllBytesAsync(output.FullName, file.Content);
            await Console.Error.WriteLineAsync($"Written to {output.FullName}.");
        }
        else
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(file.Content);
        }

        return 0;
    }
}
