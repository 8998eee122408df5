using Bot.Core.Safety;

namespace Bot.Core.Conversations;

/// <summary>Turns what the person sent into a signal. Crisis language is checked first, before buttons or commands.</summary>
public static class IntentClassifier
{
    private static readonly string[] Moods = ["heavy", "tired", "okay", "steady", "bright"];

    private static readonly Dictionary<string, Intent> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["start"] = Intent.Start,
        ["checkin"] = Intent.CheckIn,
        ["stop"] = Intent.Stop,
        ["pause"] = Intent.Stop,
        ["resume"] = Intent.Resume,
        ["help"] = Intent.Help,
        ["sos"] = Intent.Sos,
    };

    public static Signal.UserSaid Classify(string? text, string? choiceId)
    {
        if (CrisisDetector.Assess(text) != RiskLevel.None)
        {
            return new Signal.UserSaid(Intent.Crisis, Text: text);
        }

        if (choiceId is not null)
        {
            return FromChoice(choiceId);
        }

        if (text is null)
        {
            return new Signal.UserSaid(Intent.Unclear);
        }

        if (text.StartsWith('/'))
        {
            var name = text[1..].Split([' ', '@'], 2)[0];
            return Commands.TryGetValue(name, out var command)
                ? new Signal.UserSaid(command)
                : new Signal.UserSaid(Intent.UnknownCommand);
        }

        var lowered = text.Trim().TrimEnd('.', '!').ToLowerInvariant();
        if (lowered is "not today" or "no" or "nope" or "not now")
        {
            return new Signal.UserSaid(Intent.NotToday, "not-today", text);
        }

        var mood = Array.Find(Moods, m => lowered == m);
        return mood is not null
            ? new Signal.UserSaid(Intent.Mood, mood, text)
            : new Signal.UserSaid(Intent.Unclear, Text: text);
    }

    private static Signal.UserSaid FromChoice(string choiceId)
    {
        if (choiceId.StartsWith("mood:", StringComparison.Ordinal) && Array.IndexOf(Moods, choiceId[5..]) >= 0)
        {
            return new Signal.UserSaid(Intent.Mood, choiceId[5..]);
        }

        return choiceId switch
        {
            "not-today" => new Signal.UserSaid(Intent.NotToday, "not-today"),
            "checkin" => new Signal.UserSaid(Intent.CheckIn),
            _ => new Signal.UserSaid(Intent.Unclear),
        };
    }
}
