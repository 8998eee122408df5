namespace Bot.Testing.Discord;

/// <summary>Gateway event payloads as Discord sends them (with what Discord.Net reads), ids minted from the current time.</summary>
public static class DiscordEvents
{
    public const string GuildChannel = "500000000000000005";

    public static string DirectMessage(string userId, string text, string? id = null) => $$"""
        {"id":"{{id ?? FakeSnowflake.Now()}}","channel_id":"{{FakeGatewayConnection.DmChannelOf(userId)}}","type":0,"channel_type":1,"flags":0,
         "author":{{FakeDiscordServer.User(userId)}},"content":{{System.Text.Json.JsonSerializer.Serialize(text)}},
         "timestamp":"{{DateTimeOffset.UtcNow:O}}","tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"components":[]}
        """;

    /// <summary>A press of one of the bot's buttons in the person's DMs.</summary>
    public static string ButtonPress(string userId, string customId) => $$"""
        {"version":1,"type":3,"id":"{{FakeSnowflake.Now()}}","token":"button-token-{{FakeSnowflake.Now()}}","application_id":"{{FakeGatewayConnection.ApplicationId}}",
         "channel_id":"{{FakeGatewayConnection.DmChannelOf(userId)}}","channel":{"id":"{{FakeGatewayConnection.DmChannelOf(userId)}}","type":1},
         "user":{{FakeDiscordServer.User(userId)}},"entitlements":[],"authorizing_integration_owners":{"0":"{{FakeGatewayConnection.GuildId}}"},"app_permissions":"0","context":1,
         "message":{"id":"{{FakeSnowflake.Now()}}","channel_id":"{{FakeGatewayConnection.DmChannelOf(userId)}}","type":0,"content":"","timestamp":"{{DateTimeOffset.UtcNow:O}}",
                    "author":{{FakeGatewayConnection.BotUserJson}},"tts":false,"mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"components":[]},
         "data":{"custom_id":"{{customId}}","component_type":2}
        }
        """;

    /// <summary>A slash command typed in the test server's general channel, with one string option.</summary>
    public static string SlashInServer(string userId, string command, string option, string value) => $$"""
        {"version":1,"type":2,"id":"{{FakeSnowflake.Now()}}","token":"slash-token-{{FakeSnowflake.Now()}}","application_id":"{{FakeGatewayConnection.ApplicationId}}",
         "guild_id":"{{FakeGatewayConnection.GuildId}}","channel_id":"{{GuildChannel}}","channel":{"id":"{{GuildChannel}}","type":0},
         "member":{"roles":[],"joined_at":"2025-01-01T00:00:00+00:00","permissions":"0","user":{{FakeDiscordServer.User(userId)}} },
         "entitlements":[],"authorizing_integration_owners":{"0":"{{FakeGatewayConnection.GuildId}}"},"app_permissions":"0","context":0,
         "data":{"id":"{{FakeSnowflake.Now()}}","name":"{{command}}","type":1,"options":[{"name":"{{option}}","type":3,"value":{{System.Text.Json.JsonSerializer.Serialize(value)}} }]}
        }
        """;

    /// <summary>A slash command without options in the person's DMs.</summary>
    public static string SlashInDirectMessages(string userId, string command) => $$"""
        {"version":1,"type":2,"id":"{{FakeSnowflake.Now()}}","token":"slash-token-{{FakeSnowflake.Now()}}","application_id":"{{FakeGatewayConnection.ApplicationId}}",
         "channel_id":"{{FakeGatewayConnection.DmChannelOf(userId)}}","channel":{"id":"{{FakeGatewayConnection.DmChannelOf(userId)}}","type":1},
         "user":{{FakeDiscordServer.User(userId)}},"entitlements":[],"authorizing_integration_owners":{"0":"{{FakeGatewayConnection.GuildId}}"},"app_permissions":"0","context":1,
         "data":{"id":"{{FakeSnowflake.Now()}}","name":"{{command}}","type":1}
        }
        """;
}
