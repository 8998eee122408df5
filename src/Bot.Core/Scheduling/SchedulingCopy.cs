using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Bot.Core.Messaging;

namespace Bot.Core.Scheduling;

/// <summary>What the bot says about schedules, loaded from an embedded data file (Content/settings.en.json).</summary>
public sealed class SchedulingCopy
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly IReadOnlyDictionary<string, IReadOnlyList<ReplyChoice>> _choices;

    private SchedulingCopy(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, IReadOnlyList<ReplyChoice>> choices)
    {
        _texts = texts;
        _choices = choices;
    }

    public static SchedulingCopy English { get; } = Load("en");

    public static SchedulingCopy Load(string language)
    {
        var resource = $"Bot.Core.Content.settings.{language}.json";
        var file = EmbeddedJson.Read<CopyFile>(Assembly.GetExecutingAssembly(), resource, JsonOptions);
        return new SchedulingCopy(
            file.Texts,
            file.Choices.ToDictionary(c => c.Key, c => (IReadOnlyList<ReplyChoice>)c.Value.Select(x => new ReplyChoice(x.Id, x.Label)).ToArray()));
    }

    public IReadOnlyCollection<string> Keys => _texts.Keys.ToArray();

    /// <summary>The text for <paramref name="key"/> with {name} placeholders filled in.</summary>
    public string Text(string key, params (string Name, string Value)[] values)
    {
        var text = _texts.TryGetValue(key, out var found) ? found : throw new KeyNotFoundException($"No scheduling copy '{key}'.");
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Every button label this copy offers.</summary>
    public IEnumerable<string> Labels => _choices.Values.SelectMany(c => c).Select(c => c.Label);

    public IReadOnlyList<ReplyChoice> Choices(string key) => _choices.TryGetValue(key, out var choices) ? choices : [];

    public string Days(CheckInDays days)
    {
        switch (days)
        {
            case CheckInDays.Daily:
                return Text("daily");
            case CheckInDays.Weekdays:
                return Text("weekdays");
            case CheckInDays.Weekend:
                return Text("weekends");
        }

        var names = Text("dayNames").Split(',');
        var order = new[] { CheckInDays.Monday, CheckInDays.Tuesday, CheckInDays.Wednesday, CheckInDays.Thursday, CheckInDays.Friday, CheckInDays.Saturday, CheckInDays.Sunday };
        return string.Join(", ", order.Select((d, i) => (d, i)).Where(x => days.HasFlag(x.d)).Select(x => names[x.i]));
    }

    /// <summary>A moment as the person's clock shows it, e.g. "Thu 26 Nov, 19:17 (Europe/Berlin)".</summary>
    public static string When(DateTimeOffset local, string timeZone) =>
        $"{local.ToString("ddd d MMM, HH:mm", CultureInfo.InvariantCulture)} ({timeZone})";

    private sealed record CopyFile(Dictionary<string, string> Texts, Dictionary<string, ChoiceFile[]> Choices);

    private sealed record ChoiceFile(string Id, string Label);
}
