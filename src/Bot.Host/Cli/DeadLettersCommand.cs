using System.Globalization;
using Bot.Adapters.Discord;
using Bot.Adapters.Persistence;
using Bot.Adapters.Telegram;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Bot.Host.Community;

namespace Bot.Host.Cli;

/// <summary>
/// `dead-letters list|retry|drop`: the inbound updates parked after failing every attempt. `list` shows what failed and
/// when, never what anyone wrote; `retry` runs one through its platform's processing again and removes it once it
/// succeeds; `drop` deletes one.
/// </summary>
public static class DeadLettersCommand
{
    public const string Verb = "dead-letters";

    public static async Task<int> ListAsync(HostArguments arguments)
    {
        using var host = ToolHost.Build(arguments);
        using var scope = host.Services.CreateScope();
        return await ListAsync(await OpenStoreAsync(scope));
    }

    public static async Task<int> DropAsync(HostArguments arguments, Platform platform, string updateId)
    {
        using var host = ToolHost.Build(arguments);
        using var scope = host.Services.CreateScope();
        var dropped = await (await OpenStoreAsync(scope)).DropAsync(platform, updateId.Trim(), CancellationToken.None);
        await (dropped ? Console.Out.WriteLineAsync("Dropped.") : Console.Error.WriteLineAsync("No such parked update."));
        return dropped ? 0 : 1;
    }

    public static async Task<int> RetryAsync(HostArguments arguments, Platform platform, string updateId)
    {
        using var host = BuildWithPlatforms(arguments);
        using var scope = host.Services.CreateScope();
        return await RetryAsync(host.Services, await OpenStoreAsync(scope), platform, updateId.Trim());
    }

    private static async Task<IDeadLetterStore> OpenStoreAsync(IServiceScope scope)
    {
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        return scope.ServiceProvider.GetRequiredService<IDeadLetterStore>();
    }

    private static async Task<int> ListAsync(IDeadLetterStore store)
    {
        var letters = await store.ListAsync(CancellationToken.None);
        if (letters.Count == 0)
        {
            await Console.Out.WriteLineAsync("No parked updates.");
            return 0;
        }

        await Console.Out.WriteLineAsync("platform\tupdate_id\terror_type\tattempts\tfirst_seen\tlast_seen");
        foreach (var letter in letters)
        {
            await Console.Out.WriteLineAsync(string.Join(
                '\t',
                letter.Platform.ToString().ToLowerInvariant(),
                letter.UpdateId,
                letter.ErrorType,
                letter.Attempts.ToString(CultureInfo.InvariantCulture),
                letter.FirstSeen.ToString("O", CultureInfo.InvariantCulture),
                letter.LastSeen.ToString("O", CultureInfo.InvariantCulture)));
        }

        return 0;
    }

    private static async Task<int> RetryAsync(IServiceProvider services, IDeadLetterStore store, Platform platform, string updateId)
    {
        if (await store.ReadPayloadAsync(platform, updateId, CancellationToken.None) is not { } payload)
        {
            await Console.Error.WriteLineAsync("No such parked update.");
            return 1;
        }

        if (services.GetServices<IInboundReplayer>().FirstOrDefault(r => r.Platform == platform) is not { } replayer)
        {
            await Console.Error.WriteLineAsync($"{platform} is not enabled in this configuration (set {platform}__BotToken); retry runs the update through it.");
            return BotCommandLine.UsageError;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var started = clock.GetUtcNow();
        try
        {
            await replayer.ReplayAsync(payload, CancellationToken.None);
        }
        catch (Exception ex)
        {
            var (type, message) = InboundFailure.Describe(ex);
            await store.ParkAsync(new DeadLetter(platform, updateId, type, message, 1, started, clock.GetUtcNow()), payload, CancellationToken.None);
            await Console.Error.WriteLineAsync($"Still failing ({type}); it stays parked.");
            return 1;
        }

        await store.DropAsync(platform, updateId, CancellationToken.None);
        await Console.Out.WriteLineAsync("Processed; removed from the dead letters.");
        return 0;
    }

    /// <summary>The store, the engine and the configured platforms, none of them started: only what one replay needs.</summary>
    private static IHost BuildWithPlatforms(HostArguments arguments)
    {
        var builder = ToolHost.CreateBuilder(arguments);
        builder.Services.AddBotEssentials(builder.Configuration);
        builder.Services.AddCommunityCheckIns();
        builder.Services.AddTelegramAdapter(builder.Configuration);
        builder.Services.AddDiscordAdapter(builder.Configuration);
        return builder.Build();
    }
}
