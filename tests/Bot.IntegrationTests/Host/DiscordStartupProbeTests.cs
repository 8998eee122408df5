using System.Diagnostics;
using System.Globalization;
using System.Text;
using Bot.IntegrationTests.Faults;
using Bot.Testing;
using Bot.Testing.Discord;
using Bot.Testing.Telegram;
using Xunit.Abstractions;

namespace Bot.IntegrationTests.Host;

/// <summary>
/// Cold start of the real host against the fake Discord: the first interaction after READY is answered inside Discord's
/// 3 s, and the process's resident memory at READY is in bounds. With DISCORD_PROBE_OTHER_HOST (the Bot.Host.dll of
/// another build) it measures both builds in interleaved rounds (DISCORD_PROBE_ROUNDS, default 5) for docs/benchmarks.md.
/// </summary>
public sealed class DiscordStartupProbeTests(ITestOutputHelper output)
{
    private const string Sam = "200000000000000002";

    [Fact]
    public async Task ColdStart_FirstInteractionIsAnsweredWithinThreeSeconds_AndMemoryAtReadyIsInBounds()
    {
        var other = Environment.GetEnvironmentVariable("DISCORD_PROBE_OTHER_HOST");
        var rounds = other is null ? 1 : int.Parse(Environment.GetEnvironmentVariable("DISCORD_PROBE_ROUNDS") ?? "5", CultureInfo.InvariantCulture);
        var hosts = other is null ? new[] { ("this build", HostEnvironment.HostPath) } : [("other build", other), ("this build", HostEnvironment.HostPath)];
        var table = new StringBuilder("round | build | RSS at READY (MB) | first interaction answered (ms)\n");
        var mine = new List<Probe>();
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, path) in round % 2 == 0 ? hosts.Reverse() : hosts)
            {
                var probe = await ProbeAsync(path, $"discordprobe{round}{(name == "this build" ? "a" : "b")}");
                table.Append(CultureInfo.InvariantCulture, $"{round} | {name} | {probe.RssMb:0} | {probe.FirstInteractionMs:0}\n");
                if (name == "this build")
                {
                    mine.Add(probe);
                }
            }
        }

        output.WriteLine(table.ToString());
        Assert.All(mine, p => Assert.InRange(p.FirstInteractionMs, 0, 3000));
        Assert.All(mine, p => Assert.InRange(p.RssMb, 20, 400));
    }

    private static async Task<Probe> ProbeAsync(string hostPath, string databaseName)
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync(databaseName);
        await using var telegram = new FakeTelegramBotApi();
        await using var discord = new FakeDiscordServer();
        var environment = HostEnvironment.For(database, telegram);
        environment["Discord__Enabled"] = "true";
        environment["Discord__BotToken"] = HostEnvironment.DiscordToken;
        environment["Discord__ApplicationId"] = FakeGatewayConnection.ApplicationId;
        environment["Discord__ApiBaseUrl"] = discord.ApiBaseUrl;
        environment["Discord__GatewayUrl"] = discord.GatewayUrl.ToString().TrimEnd('/');
        await using var bot = RunningBot.Start(hostPath, environment);

        var gateway = await discord.NextConnectionAsync().WaitAsync(TimeSpan.FromSeconds(90));
        await gateway.HelloAsync();
        await gateway.ExpectAsync(2);
        await gateway.ReadyAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var rss = ResidentMegabytes(bot.Id);

        var sentAt = discord.NowMs;
        await gateway.DispatchAsync("INTERACTION_CREATE", 2, DiscordEvents.SlashInDirectMessages(Sam, "help"));
        var callback = await discord.WaitForRequestAsync(r => r.Method == "POST" && r.Path.StartsWith("/interactions/", StringComparison.Ordinal));
        await bot.StopAsync();
        return new Probe(rss, callback.ArrivedMs - sentAt);
    }

    private static double ResidentMegabytes(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    private sealed record Probe(double RssMb, double FirstInteractionMs);
}
