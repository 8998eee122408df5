using Bot.Adapters.Discord;

namespace Bot.Adapters.Tests.Discord.Fakes;

/// <summary>
/// Reads fixture events the way production does: sent by the fake gateway, parsed by Discord.Net, read into facts by
/// <see cref="DiscordFactsReader"/>. One session for a whole test class; the test server (guild) is cached first, with a
/// moderator role that may manage it.
/// </summary>
public sealed class FixtureReader : IAsyncLifetime
{
    public const string GuildId = "400000000000000004";
    public const string ModeratorRole = "400000000000000040";

    private readonly SemaphoreSlim _one = new(1, 1);
    private GatewayHarness? _harness;
    private FakeGatewayConnection? _connection;
    private long _sequence = 1;

    public async Task InitializeAsync()
    {
        _harness = new GatewayHarness();
        _connection = await _harness.StartSessionAsync(heartbeatMs: 30_000);
        await _connection.DispatchAsync("GUILD_CREATE", ++_sequence, $$"""
            {"id":"{{GuildId}}","name":"test server","owner_id":"100000000000000099","unavailable":false,"member_count":2,"large":false,
             "joined_at":"2026-01-01T00:00:00+00:00","features":[],"emojis":[],"stickers":[],"voice_states":[],"presences":[],"members":[],
             "threads":[],"stage_instances":[],"guild_scheduled_events":[],
             "roles":[{"id":"{{GuildId}}","name":"@everyone","permissions":"0","position":0,"color":0,"hoist":false,"managed":false,"mentionable":false},
                      {"id":"{{ModeratorRole}}","name":"mods","permissions":"32","position":1,"color":0,"hoist":false,"managed":false,"mentionable":false}],
             "channels":[{"id":"500000000000000005","type":0,"name":"general","position":0,"permission_overwrites":[]},
                         {"id":"500000000000000009","type":0,"name":"check-ins","position":1,"permission_overwrites":[]}]}
            """);
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
