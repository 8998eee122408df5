using Bot.Adapters.Discord;
using Bot.Adapters.Tests.Discord.Fakes;
using Bot.Testing.Discord;
using Bot.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Adapters.Tests.Discord;

/// <summary>Two shards in one process (DiscordShardedClient) against a fake serving both: every DM reaches Core once.</summary>
public sealed class DiscordShardTests : IAsyncDisposable
{
    private readonly AdapterUnderTest _adapter =
        new(new FakeDiscordServer { ShardCount = 2, MaxConcurrency = 2 }, settings => settings["Discord:ShardCount"] = "2");

    public ValueTask DisposeAsync() => _adapter.DisposeAsync();

    [Fact]
    public async Task TwoShardsInOneProcess_EachIdentifiesAsItsShardAndEachDmIsHandledOnce()
    {
        await _adapter.Service.StartAsync(CancellationToken.None);
        var shards = new FakeGatewayConnection[2];
        for (var i = 0; i < 2; i++)
        {
            var connection = await _adapter.Server.NextConnectionAsync();
            await connection.HelloAsync();
            var identify = await connection.ExpectAsync(2);
            var shard = identify.GetProperty("shard");
            Assert.Equal(2, shard[1].GetInt32());
            var shardId = shard[0].GetInt32();
            Assert.Null(shards[shardId]);
            shards[shardId] = connection;
            await connection.ReadyAsync(shardId: shardId, shardCount: 2, sessionId: $"session-{shardId}");
        }

        var connectionHealth = _adapter.Services.GetRequiredService<DiscordConnection>();
        await GatewayHarness.WaitUntilAsync(() => connectionHealth.IsConnected);
        var dms = new[] { FakeSnowflake.Now(), FakeSnowflake.Now(), FakeSnowflake.Now(), FakeSnowflake.Now() };
        for (var i = 0; i < dms.Length; i++)
        {
            await shards[i % 2].DispatchAsync("MESSAGE_CREATE", 2 + (i / 2), Dm(dms[i], $"20000000000000000{i}"));
        }

        var handled = new List<string>();
        for (var i = 0; i < dms.Length; i++)
        {
            handled.Add((await _adapter.Inbox.NextAsync()).Message.PlatformMessageId);
        }

        await Task.Delay(500);
        Assert.Equal(dms.Order(), handled.Order());
        Assert.Equal(0, _adapter.Inbox.Handled.Reader.Count);
    }

    private static string Dm(string id, string author) => $$"""
        {"id":"{{id}}","channel_id":"7{{author}}","author":{"id":"{{author}}","username":"someone","discriminator":"0"},
         "content":"hello from a shard","timestamp":"2026-11-24T08:00:00+00:00","type":0,"channel_type":1,"flags":0,"mentions":[],"attachments":[],"embeds":[]}
        """;
}
