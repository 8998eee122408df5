using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Host.Cli;

/// <summary>
/// `delete-user`: erases one person the same way their own /forget does (one transaction, the same eraser), without
/// messaging them. Needs --yes, because it cannot be undone.
/// </summary>
public static class DeleteUserCommand
{
    public static async Task<int> RunAsync(HostArguments arguments, Platform platform, string id, bool yes)
    {
        using var host = ToolHost.Build(arguments);
        using var scope = host.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<Bot.Adapters.Persistence.DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        if (await PersonLookup.FindAsync(scope.ServiceProvider, platform, id, Console.Error) is not { } person)
        {
            return 1;
        }

        if (!yes)
        {
            await Console.Error.WriteLineAsync("This erases everything stored about that person and cannot be undone. Add --yes to go ahead.");
            return BotCommandLine.UsageError;
        }

        var turns = new TurnLoop(scope.ServiceProvider.GetRequiredService<IConversationStore>());
        var request = new TurnRequest(person.Chat, person.ExternalUserId, null, TimeProvider.System.GetUtcNow());
        await turns.RunAsync(
            request,
            (context, _) => Task.FromResult(new TurnDecision(context.Person, context.Conversation, context.Replies, [], [], DeliveryLane.Reply, ScheduleChange.None)
            {
                ForgetPerson = true,
            }),
            CancellationToken.None);
        await Console.Out.WriteLineAsync("Deleted.");
        return 0;
    }
}
