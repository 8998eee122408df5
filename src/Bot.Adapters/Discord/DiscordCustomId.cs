using System.Security.Cryptography;
using System.Text;

namespace Bot.Adapters.Discord;

/// <summary>
/// Button ids: "v1:{userHash}:{choiceId}" binds a button to one person; "v1:community:{choice}" is for the shared daily post.
/// The version lets old buttons be recognised as stale after the format changes.
/// </summary>
public static class DiscordCustomId
{
    public const int MaxLength = 100;
    public const string Version = "v1";
    public const string CommunityCheckIn = "v1:community:checkin";
    public const string CommunityOkay = "v1:community:okay";

    public static string ForPerson(string userId, string choiceId)
    {
        var id = $"{Version}:{UserHash(userId)}:{choiceId}";
        return id.Length <= MaxLength
            ? id
            : throw new ArgumentException($"Choice id '{choiceId}' makes a custom_id longer than {MaxLength} characters.", nameof(choiceId));
    }

    /// <summary>8 url-safe characters; only proves the click came from the person the button was sent to.</summary>
    public static string UserHash(string userId)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes("compassionbot-discord-user:" + userId));
        return Convert.ToBase64String(digest, 0, 6).Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The choice id when the button is current and belongs to <paramref name="userId"/>; otherwise null (stale or someone else's).</summary>
    public static string? ChoiceFor(string customId, string userId)
    {
        var parts = customId.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version || parts[2].Length == 0)
        {
            return null;
        }

        return parts[1] == UserHash(userId) ? parts[2] : null;
    }
}
