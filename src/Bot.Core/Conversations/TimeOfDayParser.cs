using System.Globalization;
using System.Text.RegularExpressions;

namespace Bot.Core.Conversations;

/// <summary>Reads a check-in time: "08:30", "8.30", "7pm", "7:15 am", "19h", "morning", "evening". Returns "HH:mm".</summary>
public static partial class TimeOfDayParser
{
    public static bool TryParse(string? text, out string time)
    {
        time = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var lowered = text.Trim().ToLowerInvariant().TrimEnd('.', '!');
        var named = lowered switch
        {
            "morning" or "mornings" or "in the morning" => "09:00",
            "midday" or "noon" or "lunch" or "lunchtime" => "13:00",
            "afternoon" or "in the afternoon" => "15:00",
            "evening" or "evenings" or "in the evening" => "19:00",
            "night" or "at night" or "late" => "21:00",
            _ => null,
        };
        if (named is not null)
        {
            time = named;
            return true;
        }

        var match = Clock().Match(lowered);
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        var meridiem = match.Groups["ap"].Value.Replace(".", "", StringComparison.Ordinal);
        if (meridiem.Length > 0)
        {
            if (hour is < 1 or > 12)
            {
                return false;
            }

            hour = hour % 12 + (meridiem.StartsWith('p') ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = $"{hour:00}:{minute:00}";
        return true;
    }

    [GeneratedRegex(@"^(?:at |around |about |~)?(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?h?\s*(?<ap>a\.?m\.?|p\.?m\.?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Clock();
}
