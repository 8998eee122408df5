using System.Globalization;
using Bot.Core.Conversations;

namespace Bot.Core.Community;

/// <summary>
/// Reads "/community setup [channel] &lt;time&gt; &lt;zone&gt;" and "/community stop". The channel, when given, is where the
/// command is addressed already (the adapter puts the chosen channel into the chat address), so it is only skipped here.
/// Time takes what people type ("09:00", "9am", "evening"); the zone is an IANA id or a city ("Europe/Berlin", "new york").
/// </summary>
public static class CommunityCommandParser
{
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
