using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Bot.Core.History;

/// <summary>What the history features say, loaded from the embedded Content/history.{language}.json.</summary>
public sealed class HistoryCopy
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly IReadOnlyDictionary<string, string> _texts;
    private readonly IReadOnlyDictionary<string, string> _choices;

    private HistoryCopy(IReadOnlyDictionary<string, string> texts, IReadOnlyDictionary<string, string> choices)
    {
        _texts = texts;
        _choices = choices;
    }

    public static HistoryCopy English { get; } = Load("en");

    public static HistoryCopy Load(string language)
    {
        var resource = $"Bot.Core.Content.history.{language}.json";
        var file = EmbeddedJson.Read<CopyFile>(Assembly.GetExecutingAssembly(), resource, JsonOptions);
        return new HistoryCopy(file.Texts ?? [], file.Choices ?? []);
    }

    public IReadOnlyCollection<string> Keys => _texts.Keys.ToArray();

    public bool Has(string key) => _texts.ContainsKey(key);

    public bool HasChoice(string key) => _choices.ContainsKey(key);

    public string Text(string key) =>
        _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No history copy for '{key}'.");

    public string Choice(string key) =>
        _choices.TryGetValue(key, out var label) ? label : throw new KeyNotFoundException($"No history choice label for '{key}'.");

    /// <summary>Fills {name} placeholders.</summary>
    public string Format(string key, params (string Name, string Value)[] values)
    {
        var text = new StringBuilder(Text(key));
        foreach (var (name, value) in values)
        {
            text.Replace("{" + name + "}", value);
        }

        return text.ToString();
    }

    private sealed record CopyFile(Dictionary<string, string>? Texts, Dictionary<string, string>? Choices);
}
