using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Core.Community;
using Bot.Core.Messaging;

namespace Bot.Adapters.Discord;

/// <summary>Pure: OutboundMessage -> the JSON body of POST /channels/{id}/messages (legacy components, no pings).</summary>
public static class DiscordMessageRenderer
{
    public const int MaxContentLength = 2000;
    public const int MaxRows = 5;
    public const int MaxButtonsPerRow = 5;
    public const int MaxLabelLength = 80;
    public const int MaxNonceLength = 25;

    public static JsonObject Render(OutboundMessage message, string idempotencyKey)
    {
        var content = Truncate(message.Text, MaxContentLength);
        var payload = new JsonObject
        {
            ["content"] = content,
            ["nonce"] = Nonce(idempotencyKey),
            ["enforce_nonce"] = true,
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };

        if (message.Attachment is { } attachment)
        {
            payload["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = attachment.FileName });
        }

        // Buttons are bound to one person; a shared channel gets none, so nobody's answer is ever collected in public.
        if (DiscordChat.TryGetChannelId(message.Chat, out _) || message.Choices.Count == 0)
        {
            return payload;
        }

        var choices = message.Choices.DistinctBy(c => c.Id).ToList();
        var buttons = choices.Take(MaxRows * MaxButtonsPerRow).ToList();
        var rows = new JsonArray();
        foreach (var chunk in buttons.Chunk(MaxButtonsPerRow))
        {
            var row = new JsonArray();
            foreach (var choice in chunk)
            {
                row.Add(Button(DiscordCustomId.ForPerson(message.Chat.ChatId, choice.Id), choice.Label, style: 2));
            }

            rows.Add(new JsonObject { ["type"] = 1, ["components"] = row });
        }

        payload["components"] = rows;
        if (choices.Count > buttons.Count)
        {
            // More choices than Discord has room for: the rest degrade to text the person can type.
            var extra = new StringBuilder(content);
            foreach (var choice in choices.Skip(buttons.Count))
            {
                extra.Append('\n').Append("- ").Append(choice.Label);
            }

            payload["content"] = Truncate(extra.ToString(), MaxContentLength);
        }

        return payload;
    }

    /// <summary>
    /// The daily community post, with the previous post's anonymous count only when at least 5 people answered it, so no
    /// one can be singled out.
    /// </summary>
    public static JsonObject RenderCommunityPost(DiscordCopy copy, int answeredSinceLastPost)
    {
        var text = new StringBuilder(copy.Community["DailyPost"]);
        if (answeredSinceLastPost >= CommunityAggregate.MinimumToShow)
        {
            text.Append("\n\n").Append(copy.Community["Aggregate"].Replace("{count}", answeredSinceLastPost.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        return new JsonObject
        {
            ["content"] = Truncate(text.ToString(), MaxContentLength),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
            ["components"] = new JsonArray
            {
                new JsonObject
                {
                    ["type"] = 1,
                    ["components"] = new JsonArray
                    {
                        Button(DiscordCustomId.CommunityCheckIn, copy.Community["CheckInPrivately"], style: 1),
                        Button(DiscordCustomId.CommunityOkay, copy.Community["OkayToday"], style: 2),
                    },
                },
            },
        };
    }

    /// <summary>A short ephemeral interaction answer (flags 64: only the person who clicked sees it).</summary>
    public static JsonObject RenderEphemeral(string text) => new()
    {
        ["content"] = Truncate(text, MaxContentLength),
        ["flags"] = 64,
        ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
    };

    /// <summary>Discord nonces are at most 25 characters; the same outbox row always yields the same nonce.</summary>
    public static string Nonce(string idempotencyKey)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        return Convert.ToHexStringLower(digest)[..MaxNonceLength];
    }

    private static JsonObject Button(string customId, string label, int style) => new()
    {
        ["type"] = 2,
        ["style"] = style,
        ["label"] = Truncate(label, MaxLabelLength),
        ["custom_id"] = customId,
    };

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
