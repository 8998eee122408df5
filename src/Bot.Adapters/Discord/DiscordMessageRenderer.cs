using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bot.Core.Community;
using Bot.Core.Messaging;
using Discord;

namespace Bot.Adapters.Discord;

/// <summary>Pure: OutboundMessage -> what a Discord message carries (text, button rows, no pings), in Discord.Net's builders.</summary>
public static class DiscordMessageRenderer
{
    public const int MaxContentLength = 2000;
    public const int MaxRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxLabelLength = 80;
    public const int MaxNonceLength = 25;

    /// <summary>Everything the bot sends: nobody is pinged, whatever the text says.</summary>
    public static AllowedMentions NoMentions => new(AllowedMentionTypes.None);

    public static DiscordRendered Render(OutboundMessage message)
    {
        var content = Truncate(message.Text, MaxContentLength);

        // Buttons are bound to one person; a shared channel gets none, so nobody's answer is ever collected in public.
        if (DiscordChat.TryGetChannelId(message.Chat, out _) || message.Choices.Count == 0)
        {
            return new DiscordRendered(content, null);
        }

        var choices = message.Choices.DistinctBy(c => c.Id).ToList();
        var buttons = choices.Take(MaxRows * MaxButtonsPerRow).ToList();
        var components = new ComponentBuilder();
        var row = 0;
        foreach (var chunk in buttons.Chunk(MaxButtonsPerRow))
        {
            foreach (var choice in chunk)
            {
                components.WithButton(Button(DiscordCustomId.ForPerson(message.Chat.ChatId, choice.Id), choice.Label, ButtonStyle.Secondary), row);
            }

            row++;
        }

        if (choices.Count > buttons.Count)
        {
            // More choices than Discord has room for: the rest degrade to text the person can type.
            var extra = new StringBuilder(content);
            foreach (var choice in choices.Skip(buttons.Count))
            {
                extra.Append('\n').Append("- ").Append(choice.Label);
            }

            content = Truncate(extra.ToString(), MaxContentLength);
        }

        return new DiscordRendered(content, components.Build());
    }

    /// <summary>
    /// The daily community post, with the previous post's anonymous count only when at least 5 people answered it, so no
    /// one can be singled out.
    /// </summary>
    public static DiscordRendered RenderCommunityPost(DiscordCopy copy, int answeredSinceLastPost)
    {
        var text = new StringBuilder(copy.Community["DailyPost"]);
        if (answeredSinceLastPost >= CommunityAggregate.MinimumToShow)
        {
            text.Append("\n\n").Append(copy.Community["Aggregate"].Replace("{count}", answeredSinceLastPost.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var components = new ComponentBuilder()
            .WithButton(Button(DiscordCustomId.CommunityCheckIn, copy.Community["CheckInPrivately"], ButtonStyle.Primary))
            .WithButton(Button(DiscordCustomId.CommunityOkay, copy.Community["OkayToday"], ButtonStyle.Secondary));
        return new DiscordRendered(Truncate(text.ToString(), MaxContentLength), components.Build());
    }

    /// <summary>A short interaction answer.</summary>
    public static string RenderAnswer(string text) => Truncate(text, MaxContentLength);

    /// <summary>Discord nonces are at most 25 characters; the same outbox row always yields the same nonce.</summary>
    public static string Nonce(string idempotencyKey)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return Convert.ToHexStringLower(digest)[..MaxNonceLength];
    }

    private static ButtonBuilder Button(string customId, string label, ButtonStyle style) =>
        new ButtonBuilder().WithCustomId(customId).WithLabel(Truncate(label, MaxLabelLength)).WithStyle(style);

    private static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), "…");
    }
}
