using System.Diagnostics;
using System.Globalization;
using Bot.Adapters.Persistence;
using Bot.Core.Messaging;
using Bot.Host;
using Bot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Throughput.Benchmarks;

/// <summary>
/// The Core's handler as the host wires it (one transaction per turn: dedupe, conversation lock, engine, state, history,
/// outbox), driven by N concurrent senders, each its own set of people so no two turns wait on the same row.
/// </summary>
internal static class ThroughputRun
{
    private static readonly string[] Script = ["/checkin", "tired", "okay", "not today", "a bit better", "/checkin", "heavy"];

    public static async Task RunAsync(string connectionString, int concurrency, int seconds)
    {
        await using var services = BuildServices(connectionString);
        using (var scope = services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        }

        // Warm-up: JIT, connection pool, first contacts.
        await DriveAsync(services, concurrency, TimeSpan.FromSeconds(5), "warm");
        await HostRun.AnalyzeAsync(connectionString);
        var before = CpuTime.Now();
        var (handled, elapsed) = await DriveAsync(services, concurrency, TimeSpan.FromSeconds(seconds), "run");
        var cpu = CpuTime.Now() - before;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput: {handled} messages in {elapsed.TotalSeconds:F1} s with {concurrency} senders = {handled / elapsed.TotalSeconds:F0} messages/s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"cpu per message: bot {cpu.Bot.TotalMicroseconds / handled:F0} us, PostgreSQL {cpu.Postgres.TotalMicroseconds / handled:F0} us"));
    }

    internal static ServiceProvider BuildServices(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = connectionString,
            ["Storage:EncryptionKeys"] = FreeTextProtector.NewKeyRing("bench"),
        }).AddEnvironmentVariables().Build();
        return new ServiceCollection()
            .AddLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddBotEssentials(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IChatPlatform>(new CollectingChatPlatform())
            .BuildServiceProvider();
    }

    private static async Task<(long Handled, TimeSpan Elapsed)> DriveAsync(ServiceProvider services, int concurrency, TimeSpan duration, string run)
    {
        long handled = 0;
        var stopwatch = Stopwatch.StartNew();
        var senders = Enumerable.Range(0, concurrency).Select(sender => Task.Run(async () =>
        {
            var turn = 0;
            while (stopwatch.Elapsed < duration)
            {
                // 200 people per sender, in turn: each person speaks well under the flood guard's 2 messages/s.
                var person = $"{run}-{sender}-{turn % 200}";
                var message = new InboundMessage(
                    new ChatAddress(Platform.Telegram, person),
                    person,
                    $"{run}-{sender}-{turn}",
                    DateTimeOffset.UtcNow,
                    Script[turn / 200 % Script.Length],
                    null);
                await using var scope = services.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, CancellationToken.None) == HandleOutcome.Handled)
                {
                    Interlocked.Increment(ref handled);
                }

                turn++;
            }
        })).ToArray();
        await Task.WhenAll(senders);
        return (handled, stopwatch.Elapsed);
    }
}
