using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>
/// Pure translation of gateway dispatches into Core messages. Only DMs from people and interactions are mapped;
/// guild channel text is never read (no MESSAGE_CONTENT intent, and personal words do not belong in shared channels).
/// </summary>
public static partial class DiscordEventMapper
{
    public const int CommandInteraction = 2;
    public const int ComponentInteraction = 3;
    public const long ManageGuildPermission = 1 << 5;

    private const int DirectMessageChannel = 1;
    private const int ChannelOptionType = 7;
    private const int EphemeralFlag = 1 << 6;
    private const long DiscordEpochMs = 1420070400000;

    /// <summary>Buttons on a message older than this are stale: the moment they asked about has passed.</summary>
    public static readonly TimeSpan DefaultButtonLifetime = TimeSpan.FromHours(24);

    public static DiscordMappedEvent? Map(string eventName, JsonElement data, string? botUserId, TimeSpan? buttonLifetime = null) => eventName switch
    {
        "MESSAGE_CREATE" => MapMessage(data, botUserId) is { } message ? new DiscordMappedEvent(message, null) : null,
        "INTERACTION_CREATE" => MapInteraction(data, botUserId, buttonLifetime ?? DefaultButtonLifetime),
        _ => null,
    };

    public static DateTimeOffset SnowflakeTime(string id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value >> 22) + DiscordEpochMs)
            : DateTimeOffset.UnixEpoch;

    private static InboundMessage? MapMessage(JsonElement d, string? botUserId)
    {
        if (d.TryGetProperty("guild_id", out var guild) && guild.ValueKind == JsonValueKind.String)
        {
            return null;
        }

        var channelType = Int(d, "channel_type");
        var flags = Int(d, "flags") ?? 0;
        if (channelType is { } type ? type != DirectMessageChannel : (flags & EphemeralFlag) != 0)
        {
            return null;
        }

        if (Str(d, "webhook_id") is not null || Int(d, "type") is not (null or 0 or 19))
        {
            return null;
        }

        if (!d.TryGetProperty("author", out var author) || IsBot(author, botUserId) || Str(author, "id") is not { } userId)
        {
            return null;
        }

        var content = Str(d, "content");
        if (string.IsNullOrWhiteSpace(content) || Str(d, "id") is not { } id)
        {
            return null;
        }

        var sentAt = Str(d, "timestamp") is { } stamp && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : SnowflakeTime(id);
        return new InboundMessage(DiscordChat.Person(userId), userId, id, sentAt, content, null);
    }

    private static DiscordMappedEvent? MapInteraction(JsonElement d, string? botUserId, TimeSpan buttonLifetime)
    {
        var type = Int(d, "type");
        if (type is not (CommandInteraction or ComponentInteraction)
            || Str(d, "id") is not { } id
            || Str(d, "token") is not { } token
            || !d.TryGetProperty("data", out var data))
        {
            return null;
        }

        var member = d.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var user = member.ValueKind == JsonValueKind.Object && member.TryGetProperty("user", out var mu) ? mu
            : d.TryGetProperty("user", out var u) ? u : default;
        if (user.ValueKind != JsonValueKind.Object || IsBot(user, botUserId) || Str(user, "id") is not { } userId)
        {
            return null;
        }

        var inGuild = Str(d, "guild_id") is not null;
        var applicationId = Str(d, "application_id") ?? "";
        var sentAt = SnowflakeTime(id);
        DiscordInteraction Answer(DiscordAnswer answer) => new(id, token, applicationId, type.Value, answer);

        if (type == ComponentInteraction)
        {
            var customId = Str(data, "custom_id") ?? "";
            if (d.TryGetProperty("message", out var buttonMessage) && Str(buttonMessage, "id") is { } buttonMessageId
                && sentAt - SnowflakeTime(buttonMessageId) > buttonLifetime)
            {
                return new DiscordMappedEvent(null, Answer(DiscordAnswer.ButtonExpired));
            }

            var channelId = Str(d, "channel_id") ?? (d.TryGetProperty("channel", out var ch) ? Str(ch, "id") : null);
            switch (customId)
            {
                case DiscordCustomId.CommunityCheckIn:
                    return new DiscordMappedEvent(
                        new InboundMessage(DiscordChat.Person(userId), userId, id, sentAt, null, "checkin"),
                        Answer(DiscordAnswer.AnsweredInDirectMessages));
                case DiscordCustomId.CommunityOkay when inGuild && channelId is not null:
                    return new DiscordMappedEvent(
                        new InboundMessage(DiscordChat.Channel(channelId), userId, id, sentAt, null, "community:okay") { Kind = ChatKind.Group },
                        Answer(DiscordAnswer.CommunityOkay));
            }

            return DiscordCustomId.ChoiceFor(customId, userId) is { } choice
                ? new DiscordMappedEvent(
                    new InboundMessage(DiscordChat.Person(userId), userId, id, sentAt, null, choice),
                    Answer(inGuild ? DiscordAnswer.AnsweredInDirectMessages : DiscordAnswer.RemoveButtons))
                : new DiscordMappedEvent(null, Answer(DiscordAnswer.ButtonExpired));
        }

        var name = Str(data, "name");
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var text = new StringBuilder("/").Append(name);
        if (data.TryGetProperty("options", out var options))
        {
            AppendOptions(text, options);
        }

        if (name == "community")
        {
            // The channel the admin picked is where the post lives, so the command is addressed there (and answered there).
            var channelId = ChannelOption(data.TryGetProperty("options", out var picked) ? picked : default)
                ?? Str(d, "channel_id") ?? (d.TryGetProperty("channel", out var ch) ? Str(ch, "id") : null);
            if (!inGuild || channelId is null)
            {
                return new DiscordMappedEvent(null, Answer(DiscordAnswer.CommunitySetupOnlyInServers));
            }

            if (!HasManageGuild(member))
            {
                return new DiscordMappedEvent(null, Answer(DiscordAnswer.NeedsManageServer));
            }

            return new DiscordMappedEvent(
                new InboundMessage(DiscordChat.Channel(channelId), userId, id, sentAt, text.ToString(), null) { Kind = ChatKind.Group },
                Answer(DiscordAnswer.AnsweredInCommunityChannel));
        }

        return new DiscordMappedEvent(
            new InboundMessage(DiscordChat.Person(userId), userId, id, sentAt, text.ToString(), null),
            Answer(inGuild ? DiscordAnswer.AnsweredInDirectMessages : DiscordAnswer.AnsweredBelow));
    }

    /// <summary>Subcommand names and option values, in order, so "/community setup 123 09:00 Europe/Berlin" reads like typed text.</summary>
    private static void AppendOptions(StringBuilder text, JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var option in options.EnumerateArray())
        {
            var optionType = Int(option, "type");
            if (optionType is 1 or 2)
            {
                text.Append(' ').Append(Str(option, "name"));
                if (option.TryGetProperty("options", out var nested))
                {
                    AppendOptions(text, nested);
                }
            }
            else if (option.TryGetProperty("value", out var value))
            {
                var rendered = value.ValueKind == JsonValueKind.String ? TolerantString(value) : value.GetRawText();
                if (!string.IsNullOrWhiteSpace(rendered))
                {
                    text.Append(' ').Append(rendered.Trim());
                }
            }
        }
    }

    private static string? ChannelOption(JsonElement options)
    {
        if (options.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        foreach (var option in options.EnumerateArray())
        {
            if (Int(option, "type") == ChannelOptionType && Str(option, "value") is { } channel)
            {
                return channel;
            }

            if (option.TryGetProperty("options", out var nested) && ChannelOption(nested) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static bool HasManageGuild(JsonElement member) =>
        member.ValueKind == JsonValueKind.Object
        && Str(member, "permissions") is { } permissions
        && long.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
        && (bits & ManageGuildPermission) != 0;

    private static bool IsBot(JsonElement user, string? botUserId) =>
        (user.TryGetProperty("bot", out var bot) && bot.ValueKind == JsonValueKind.True)
        || (botUserId is not null && Str(user, "id") == botUserId);

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? TolerantString(value)
            : null;

    /// <summary>
    /// JSON may carry a lone surrogate as an escape (\ud800), which GetString refuses; one such message must not make the
    /// whole event unreadable, so the broken half becomes U+FFFD (dropped later by InboundText.Clean).
    /// </summary>
    private static string? TolerantString(JsonElement value)
    {
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            var repaired = LoneSurrogateEscape().Replace(value.GetRawText(), "\\ufffd");
            try
            {
                using var document = JsonDocument.Parse(repaired);
                return document.RootElement.GetString();
            }
            catch (Exception ex) when (ex is JsonException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")]
    private static partial System.Text.RegularExpressions.Regex LoneSurrogateEscape();

    private static int? Int(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : null;
}
