using System.Globalization;
using Bot.Core.Commands;
using Bot.Core.Conversations;

namespace Bot.Core.Community;

/// <summary>
/// Reads the community commands of every platform into one <see cref="CommunityCommand"/>: "/community setup [channel]
/// &lt;time&gt; &lt;zone&gt;", "/community stop", "/community status" (Discord's slash command, typed anywhere), and
/// Telegram's "/dailypost [&lt;time&gt; &lt;zone&gt;]" and "/stopdailypost". The channel, when given, is where the command
/// is addressed already (the adapter puts the chosen channel into the chat address), so it is only skipped here.
/// Time takes what people type ("09:00", "9am", "evening"); the zone is an IANA id or a city ("Europe/Berlin", "new york").
/// </summary>
public static class CommunityCommandParser
{
    public const string DailyPost = "dailypost";
    public const string StopDailyPost = "stopdailypost";

    /// <summary>A group command, or null when it is not about the community post.</summary>
    public static CommunityCommand? Read(CommandInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Name switch
        {
            CommunityFeature.CommandName => Parse(input.Arguments),
            DailyPost when input.Arguments.Length == 0 => new CommunityCommand(CommunityCommandKind.SetupNow),
            DailyPost => Parse("setup " + input.Arguments),
            StopDailyPost => new CommunityCommand(CommunityCommandKind.Stop),
            "checkin" or "start" when input.Arguments.Length == 0 => new CommunityCommand(CommunityCommandKind.Invite),
            _ => null,
        };
    }

    public static CommunityCommand Parse(string arguments)
    {
        var words = (arguments ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (words.Count == 0)
        {
            return new CommunityCommand(CommunityCommandKind.Unknown);
        }

        var verb = words[0].ToLowerInvariant();
        if (verb is "stop" or "off" or "end")
        {
            return new CommunityCommand(CommunityCommandKind.Stop);
        }

        if (verb == "status")
        {
            return new CommunityCommand(CommunityCommandKind.Status);
        }

        if (verb != "setup")
        {
            return new CommunityCommand(CommunityCommandKind.Unknown);
        }

        words.RemoveAt(0);
        if (words.Count > 0 && IsChannel(words[0]))
        {
            words.RemoveAt(0);
        }

        if (words.Count < 2)
        {
            return new CommunityCommand(CommunityCommandKind.MissingTimeOrZone);
        }

        // Both parts may hold spaces ("7 pm", "New York"): take the first split where both read.
        var timeRead = false;
        for (var split = 1; split < words.Count; split++)
        {
            if (!TimeOfDayParser.TryParse(string.Join(' ', words.Take(split)), out var time))
            {
                continue;
            }

            timeRead = true;
            if (TimeZoneResolver.TryResolve(string.Join(' ', words.Skip(split)), out var zone))
            {
                return new CommunityCommand(CommunityCommandKind.Setup, TimeOnly.ParseExact(time, "HH:mm", CultureInfo.InvariantCulture), zone);
            }
        }

        return new CommunityCommand(timeRead ? CommunityCommandKind.BadZone : CommunityCommandKind.BadTime);
    }

    /// <summary>A channel id as Discord sends it ("123…"), or its mention ("&lt;#123…&gt;").</summary>
    private static bool IsChannel(string word)
    {
        var id = word.StartsWith("<#", StringComparison.Ordinal) && word.EndsWith('>') ? word[2..^1] : word;
        return id.Length >= 5 && id.All(char.IsAsciiDigit);
    }
}
