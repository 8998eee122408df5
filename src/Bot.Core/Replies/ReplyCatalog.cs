using System.Reflection;
using System.Text.Json;
using Bot.Core.Messaging;
using Bot.Core.Persistence;

namespace Bot.Core.Replies;

/// <summary>The copy, loaded from an embedded data file per language (Content/replies.en.json).</summary>
public sealed class ReplyCatalog
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly Dictionary<ReplyKey, ReplyCopy> _copy;

    private readonly Dictionary<string, string> _labels;

    private ReplyCatalog(string language, Dictionary<ReplyKey, ReplyCopy> copy, Dictionary<string, string> labels)
    {
        Language = language;
        _copy = copy;
        _labels = labels;
        foreach (var choice in copy.Values.SelectMany(c => c.Choices))
        {
            _labels.TryAdd(choice.Id, choice.Label);
        }
    }

    public string Language { get; }

    public IReadOnlyDictionary<ReplyKey, ReplyCopy> All => _copy;

    /// <summary>Labels for ids (steps, exercises, feelings, buttons): what a person sees for "step:water".</summary>
    public IReadOnlyDictionary<string, string> Labels => _labels;

    public string? Label(string id) => _labels.GetValueOrDefault(id);

    public static ReplyCatalog English { get; } = Load("en");

    public static ReplyCatalog Load(string language)
    {
        var resource = $"Bot.Core.Content.replies.{language}.json";
        var file = EmbeddedJson.Read<CatalogFile>(Assembly.GetExecutingAssembly(), resource, JsonOptions);

        var copy = new Dictionary<ReplyKey, ReplyCopy>();
        foreach (var (name, entry) in file.Replies)
        {
            if (!Enum.TryParse<ReplyKey>(name, out var key))
            {
                throw new InvalidOperationException($"Reply copy '{resource}' has an unknown key '{name}'.");
            }

            copy[key] = new ReplyCopy(
                entry.Variants ?? [],
                (entry.Choices ?? []).Select(c => new ReplyChoice(c.Id, c.Label)).ToArray());
        }

        return new ReplyCatalog(language, copy, new Dictionary<string, string>(file.Labels ?? [], StringComparer.Ordinal));
    }

    public ReplyCopy this[ReplyKey key] =>
        _copy.TryGetValue(key, out var copy) && copy.Variants.Count > 0
            ? copy
            : throw new KeyNotFoundException($"No copy for reply key {key} in '{Language}'.");

    /// <summary>Picks a variant the person has not heard lately (see <see cref="ReplyMemory.Choose"/>), and remembers it.</summary>
    public (string Text, ReplyMemory Memory) Pick(ReplyKey key, ReplyMemory memory, int seed, DateTimeOffset now)
    {
        var variants = this[key].Variants;
        var index = memory.Choose(key, variants.Count, seed, now);
        return (variants[index], memory.With(key, index, now));
    }

    private sealed record CatalogFile(Dictionary<string, CatalogEntry> Replies, Dictionary<string, string>? Labels);

    private sealed record CatalogEntry(string[]? Variants, ChoiceEntry[]? Choices);

    private sealed record ChoiceEntry(string Id, string Label);
}
