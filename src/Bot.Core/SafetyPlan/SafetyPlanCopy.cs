using System.Reflection;
using System.Text;
using System.Text.Json;
using Bot.Core.Messaging;
using Bot.Core.People;
using Bot.Core.Safety;

namespace Bot.Core.SafetyPlan;

/// <summary>The words of the safety plan and of the care around a crisis response, from Content/safety-plan.en.json.</summary>
public sealed class SafetyPlanCopy
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly Dictionary<string, string> _texts;
    private readonly Dictionary<string, string> _labels;
    private readonly CrisisLineDirectory _lines;

    private SafetyPlanCopy(Dictionary<string, string> texts, Dictionary<string, string> labels, CrisisLineDirectory lines)
    {
        _texts = texts;
        _labels = labels;
        _lines = lines;
    }

    public static SafetyPlanCopy English { get; } = Load("en", CrisisLineDirectory.Default);

    public IReadOnlyDictionary<string, string> Texts => _texts;

    public IReadOnlyDictionary<string, string> Labels => _labels;

    public string Text(string key) =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No safety-plan copy for '{key}'.");

    /// <summary>The text with {country}, {lines}, {line}, {emergency} and {time} filled for this person.</summary>
    public string Text(string key, PersonProfile person, string? time = null)
    {
        var text = Text(key);
        var country = _lines.Find(person.Country);
        return text
            .Replace("{country}", country?.Name ?? Text("yourCountry"), StringComparison.Ordinal)
            .Replace("{lines}", string.Join('\n', ProfessionalLines(person)), StringComparison.Ordinal)
            .Replace("{line}", PrimaryLine(country), StringComparison.Ordinal)
            .Replace("{emergency}", country?.Emergency ?? Text("unknownEmergency"), StringComparison.Ordinal)
            .Replace("{time}", time ?? "", StringComparison.Ordinal);
    }

    /// <summary>The plan's fifth part, pre-filled for the person's country: one line, the emergency number, the directory.</summary>
    public IReadOnlyList<string> ProfessionalLines(PersonProfile person)
    {
        var country = _lines.Find(person.Country);
        var lines = new List<string>();
        if (country is { Lines.Count: > 0 })
        {
            lines.Add($"{country.Lines[0].Name}: {country.Lines[0].Contact}");
        }

        lines.Add($"{Text("emergency")}: {country?.Emergency ?? Text("unknownEmergency")}");
        lines.Add($"{Text("elsewhere")}: {_lines.Fallback.Contact}");
        return lines;
    }

    public IReadOnlyList<ReplyChoice> Choices(params string[] ids) =>
        ids.Select(id => new ReplyChoice(id, _labels.GetValueOrDefault(id, id))).ToArray();

    /// <summary>The plan as one message, part by part, in the person's own words.</summary>
    public string Render(PersonalSafetyPlan plan)
    {
        var builder = new StringBuilder(Text("viewTitle"));
        foreach (var part in Enum.GetValues<SafetyPlanPart>())
        {
            builder.Append("\n\n").Append((int)part).Append(". ").Append(Text("title" + (int)part));
            var lines = plan[part];
            if (lines.Count == 0)
            {
                builder.Append('\n').Append(Text("emptyPart"));
            }

            foreach (var line in lines)
            {
                builder.Append("\n• ").Append(line);
            }
        }

        return builder.ToString();
    }

    private string PrimaryLine(CrisisCountry? country) =>
        country is { Lines.Count: > 0 } ? $"{country.Lines[0].Name} ({country.Lines[0].Contact})" : Text("unknownLine");

    public static SafetyPlanCopy Load(string language, CrisisLineDirectory lines)
    {
        var resource = $"Bot.Core.Content.safety-plan.{language}.json";
        var file = EmbeddedJson.Read<CopyFile>(Assembly.GetExecutingAssembly(), resource, JsonOptions);
        return new SafetyPlanCopy(file.Texts, file.Labels, lines);
    }

    private sealed record CopyFile(string Language, Dictionary<string, string> Texts, Dictionary<string, string> Labels);
}
