using Bot.Adapters.Discord;

using Bot.Testing.Discord;

namespace Bot.Adapters.Tests.Discord.Fakes;

/// <summary>
/// Reads fixture events the way production does: sent by the fake gateway, parsed by Discord.Net, read into facts by
/// <see cref="DiscordFactsReader"/>. One session for a whole test class; the test server (guild) is cached first, with a
/// moderator role that may manage it.
/// </summary>
public sealed class FixtureReader : IAsyncLifetime
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private GatewayHarness? _harness;
    private FakeGatewayConnection? _connection;
    private long _sequence = 1;

    public async Task InitializeAsync()
    {
        _harness = new GatewayHarness();
        _connection = await _harness.Server.NextConnectionAsync();
        await _connection.HelloAsync(30_000);
        await _connection.ExpectAsync(2);
        await _connection.ReadyAsync(guildId: FakeGatewayConnection.GuildId);
        await _connection.GuildCreateAsync(++_sequence);
        await GatewayHarness.WaitUntilAsync(() => _harness.Connection.IsConnected && _harness.ReadyCount == 1);
    }

    /// <summary>The facts Discord.Net hands on for one event, or null when it hands on none.</summary>
    public async Task<object?> ReadAsync(string eventName, string json)
    {
        await _one.WaitAsync();
        try
        {
            var sentinel = FakeSnowflake.Now();
            await _connection!.DispatchAsync(eventName, ++_sequence, json);
            await _connection.DispatchAsync("MESSAGE_CREATE", ++_sequence, $$"""
                {"id":"{{sentinel}}","channel_id":"7999","author":{"id":"999","username":"sentinel","discriminator":"0"},"content":"sentinel",
                 "timestamp":"2026-11-24T08:00:00+00:00","type":0,"channel_type":1,"flags":0,"mentions":[],"attachments":[],"embeds":[]}
                """);
            var first = await _harness!.NextFactsAsync();
            if (first is DiscordMessageFacts { Id: var id } && id == sentinel)
            {
                return null;
            }

            await _harness.NextFactsAsync();
            return first;
        }
        finally
        {
            _one.Release();
        }
    }

    public async Task DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }
    }
}
