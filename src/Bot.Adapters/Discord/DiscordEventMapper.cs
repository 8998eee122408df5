using System.Globalization;
using System.Text;
using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>
/// Pure translation of Discord events (read into <see cref="DiscordMessageFacts"/> and <see cref="DiscordInteractionFacts"/>)
/// into Core messages. Only DMs from people and interactions are mapped; guild channel text is never read (no
/// MESSAGE_CONTENT intent, and personal words do not belong in shared channels).
/// </summary>
public static class DiscordEventMapper
{
    public const long ManageGuildPermission = 1 << 5;

    public const int SubCommandOption = 1;
    public const int SubCommandGroupOption = 2;
    public const int ChannelOption = 7;

    private const int DefaultMessage = 0;
    private const int ReplyMessage = 19;
    private const long DiscordEpochMs = 1420070400000;

    /// <summary>Buttons on a message older than this are stale: the moment they asked about has passed.</summary>
    public static readonly TimeSpan DefaultButtonLifetime = TimeSpan.FromHours(24);

    public static DateTimeOffset SnowflakeTime(string id) =>
        ulong.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value >> 22) + DiscordEpochMs)
            : DateTimeOffset.UnixEpoch;

    public static DiscordMappedEvent? Map(DiscordParkedEvent parked, string? botUserId, TimeSpan? buttonLifetime = null) =>
        parked.Message is { } message ? Map(message, botUserId)
        : parked.Interaction is { } interaction ? Map(interaction, botUserId, buttonLifetime)
        : null;

    public static DiscordMappedEvent? Map(DiscordMessageFacts m, string? botUserId)
    {
        if (m.GuildId is not null || !m.InDirectMessages || m.Ephemeral || m.FromWebhook || m.Type is not (DefaultMessage or ReplyMessage))
        {
            return null;
        }

        if (IsBot(m.Author, botUserId) || string.IsNullOrWhiteSpace(m.Content))
        {
            return null;
        }

        var message = new InboundMessage(DiscordChat.Person(m.Author.Id), m.Author.Id, m.Id, m.SentAt, WithoutLoneSurrogates(m.Content), null);
        return new DiscordMappedEvent(message, null);
    }

    public static DiscordMappedEvent? Map(DiscordInteractionFacts d, string? botUserId, TimeSpan? buttonLifetime = null)
    {
        if (IsBot(d.User, botUserId))
        {
            return null;
        }

        var userId = d.User.Id;
        var inGuild = d.GuildId is not null;
        var sentAt = SnowflakeTime(d.Id);
        if (d.IsComponent)
        {
            if (d.ButtonMessageId is { } buttonMessageId && sentAt - SnowflakeTime(buttonMessageId) > (buttonLifetime ?? DefaultButtonLifetime))
            {
                return new DiscordMappedEvent(null, DiscordAnswer.ButtonExpired);
            }

            var customId = d.CustomId ?? "";
            switch (customId)
            {
                case DiscordCustomId.CommunityCheckIn:
                    return new DiscordMappedEvent(
                        new InboundMessage(DiscordChat.Person(userId), userId, d.Id, sentAt, null, "checkin"),
                        DiscordAnswer.AnsweredInDirectMessages);
                case DiscordCustomId.CommunityOkay when inGuild && d.ChannelId is not null:
                    return new DiscordMappedEvent(
                        new InboundMessage(DiscordChat.Channel(d.ChannelId), userId, d.Id, sentAt, null, "community:okay") { Kind = ChatKind.Group },
                        DiscordAnswer.CommunityOkay);
            }

            return DiscordCustomId.ChoiceFor(customId, userId) is { } choice
                ? new DiscordMappedEvent(
                    new InboundMessage(DiscordChat.Person(userId), userId, d.Id, sentAt, null, choice),
                    inGuild ? DiscordAnswer.AnsweredInDirectMessages : DiscordAnswer.RemoveButtons)
                : new DiscordMappedEvent(null, DiscordAnswer.ButtonExpired);
        }

        if (string.IsNullOrEmpty(d.CommandName))
        {
            return null;
        }

        var text = new StringBuilder("/").Append(d.CommandName);
        AppendOptions(text, d.Options);

        if (d.CommandName == "community")
        {
            // The channel the admin picked is where the post lives, so the command is addressed there (and answered there).
            var channelId = PickedChannel(d.Options) ?? d.ChannelId;
            if (!inGuild || channelId is null)
            {
                return new DiscordMappedEvent(null, DiscordAnswer.CommunitySetupOnlyInServers);
            }

            // Manage Server is the fact Core reads to decide who may set the post up.
            return new DiscordMappedEvent(
                new InboundMessage(DiscordChat.Channel(channelId), userId, d.Id, sentAt, text.ToString(), null)
                {
                    Kind = ChatKind.Group,
                    SenderIsChatAdmin = d.CanManageServer,
                },
                DiscordAnswer.AnsweredInCommunityChannel);
        }

        return new DiscordMappedEvent(
            new InboundMessage(DiscordChat.Person(userId), userId, d.Id, sentAt, text.ToString(), null),
            inGuild ? DiscordAnswer.AnsweredInDirectMessages : DiscordAnswer.AnsweredBelow);
    }

    /// <summary>Subcommand names and option values, in order, so "/community setup 123 09:00 Europe/Berlin" reads like typed text.</summary>
    private static void AppendOptions(StringBuilder text, IReadOnlyList<DiscordOptionFacts> options)
    {
        foreach (var option in options)
        {
            if (option.Type is SubCommandOption or SubCommandGroupOption)
            {
                text.Append(' ').Append(option.Name);
                AppendOptions(text, option.Options);
            }
            else if (!string.IsNullOrWhiteSpace(option.Value))
            {
                text.Append(' ').Append(WithoutLoneSurrogates(option.Value.Trim()));
            }
        }
    }

    private static string? PickedChannel(IReadOnlyList<DiscordOptionFacts> options)
    {
        foreach (var option in options)
        {
            if (option.Type == ChannelOption && option.Value is { } channel)
            {
                return channel;
            }

            if (PickedChannel(option.Options) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    private static bool IsBot(DiscordUserFacts user, string? botUserId) => user.IsBot || (botUserId is not null && user.Id == botUserId);

    /// <summary>A lone surrogate (JSON may carry one as an escape) becomes U+FFFD, which InboundText.Clean drops later.</summary>
    private static string WithoutLoneSurrogates(string text)
    {
        if (!text.Any(char.IsSurrogate))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
