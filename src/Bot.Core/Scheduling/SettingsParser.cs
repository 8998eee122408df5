using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Core.Commands;

namespace Bot.Core.Scheduling;

/// <summary>Reads schedule commands ("/window 09:00-10:00") and buttons ("sched:snooze:1h"). Pure.</summary>
public static partial class SettingsParser
{
    public const string ChoicePrefix = "sched:";

    /// <summary>The longest pause; /stop is for longer. Named in the answer to a pause that is too long.</summary>
    public static readonly TimeSpan MaxPause = TimeSpan.FromDays(366);

    public static SettingsChange? Parse(CommandInput input)
    {
        if (input.ChoiceId?.StartsWith(ChoicePrefix, StringComparison.Ordinal) == true)
        {
            return ParseChoice(input.ChoiceId[ChoicePrefix.Length..]);
        }

        var args = input.Arguments.Trim();
        return input.Name switch
        {
            "settings" or "schedule" => new SettingsChange.Show(),
            "timezone" or "tz" => args.Length == 0 ? new SettingsChange.Show() : new SettingsChange.SetTimeZone(args),
            "days" => TryParseDays(args, out var days) ? new SettingsChange.SetDays(days) : new SettingsChange.Invalid("daysHelp"),
            "window" => TryParseSpan(args, out var window) && !window.WrapsMidnight && window.Length > TimeSpan.Zero
                ? new SettingsChange.SetWindow(window)
                : new SettingsChange.Invalid("windowHelp"),
            "quiet" => args.Equals("off", StringComparison.OrdinalIgnoreCase) || args.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? new SettingsChange.SetQuiet(null)
                : TryParseSpan(args, out var quiet) && quiet.Length > TimeSpan.Zero ? new SettingsChange.SetQuiet(quiet) : new SettingsChange.Invalid("quietHelp"),
            "pause" => ParsePause(args),
            "skip" => new SettingsChange.Skip(),
            "snooze" => ParseSnooze(args.Length == 0 ? "1h" : args),
            "stop" => new SettingsChange.Stop(),
            "resume" => new SettingsChange.Resume(),
            _ => null,
        };
    }

    private static SettingsChange? ParseChoice(string choice)
    {
        var parts = choice.Split(':', 2);
        var arg = parts.Length > 1 ? parts[1] : "";
        return parts[0] switch
        {
            "skip" => new SettingsChange.Skip(),
            "snooze" => ParseSnooze(arg),
            "pause" => ParsePause(arg),
            "stop" => new SettingsChange.Stop(),
            "resume" => new SettingsChange.Resume(),
            "yes" => new SettingsChange.Consent(),
            "keep" => new SettingsChange.KeepGoing(),
            "days" when TryParseDays(arg, out var days) => new SettingsChange.SetDays(days),
            _ => new SettingsChange.Show(),
        };
    }

    private static SettingsChange ParsePause(string args)
    {
        var text = args.Trim().ToLowerInvariant();
        if (text.StartsWith("until ", StringComparison.Ordinal))
        {
            text = text[6..].Trim();
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new SettingsChange.PauseUntil(date);
        }

        if (text.StartsWith('-') && TryParseDuration(text[1..].Trim(), out _))
        {
            return new SettingsChange.Invalid("pauseNegative");
        }

        if (!TryParseDuration(text.Length == 0 ? "3d" : text, out var duration))
        {
            return new SettingsChange.Invalid("pauseHelp");
        }

        return duration <= MaxPause ? new SettingsChange.PauseFor(duration) : new SettingsChange.Invalid("pauseTooLong");
    }

    private static SettingsChange ParseSnooze(string args) =>
        TryParseDuration(args.Trim().ToLowerInvariant(), out var duration) && duration >= TimeSpan.FromMinutes(5) && duration <= TimeSpan.FromHours(24)
            ? new SettingsChange.Snooze(duration)
            : new SettingsChange.Invalid("snoozeHelp");

    /// <summary>"30m", "1h", "3 hours", "3d", "2 weeks".</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        duration = match.Groups["u"].Value[0] switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            _ => TimeSpan.Zero,
        };
        return duration > TimeSpan.Zero;
    }

    /// <summary>"daily", "weekdays", "weekends", or days such as "mon,wed,fri" / "monday wednesday".</summary>
    public static bool TryParseDays(string text, out CheckInDays days)
    {
        days = CheckInDays.None;
        var lowered = text.Trim().ToLowerInvariant();
        switch (lowered)
        {
            case "daily" or "every day" or "everyday" or "all":
                days = CheckInDays.Daily;
                return true;
            case "weekdays" or "workdays":
                days = CheckInDays.Weekdays;
                return true;
            case "weekends" or "weekend":
                days = CheckInDays.Weekend;
                return true;
        }

        foreach (var token in lowered.Split([',', ' ', ';', '/'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var day = token.Length < 2 ? CheckInDays.None : token[..Math.Min(3, token.Length)] switch
            {
                "mo" or "mon" => CheckInDays.Monday,
                "tu" or "tue" => CheckInDays.Tuesday,
                "we" or "wed" => CheckInDays.Wednesday,
                "th" or "thu" => CheckInDays.Thursday,
                "fr" or "fri" => CheckInDays.Friday,
                "sa" or "sat" => CheckInDays.Saturday,
                "su" or "sun" => CheckInDays.Sunday,
                _ => CheckInDays.None,
            };
            if (day == CheckInDays.None)
            {
                days = CheckInDays.None;
                return false;
            }

            days |= day;
        }

        return days != CheckInDays.None;
    }

    /// <summary>"09:00-10:00", "9-10", "22:00 - 07:00".</summary>
    public static bool TryParseSpan(string text, out LocalSpan span)
    {
        span = CheckInPreferences.DefaultWindow;
        var parts = text.Split(['-', '–'], 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !TryParseTime(parts[0], out var start) || !TryParseTime(parts[1], out var end))
        {
            return false;
        }

        span = new LocalSpan(start, end);
        return true;
    }

    public static bool TryParseTime(string text, out TimeOnly time)
    {
        time = default;
        var match = TimePattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = match.Groups["m"].Success ? int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59)
        {
            return false;
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d{1,4})\s*(?<u>m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|weeks?)$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();
}
