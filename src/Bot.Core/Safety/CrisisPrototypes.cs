namespace Bot.Core.Safety;

/// <summary>
/// The sentences the semantic tier compares a message with (Content/crisis-prototypes.en.json): risk meanings and hard
/// negatives that share their words. Safety content, reviewed like copy, never tuned on the evaluation halves.
/// </summary>
public sealed record CrisisPrototypes(Dictionary<string, string[]> Risk, Dictionary<string, string[]> Safe)
{
    public static CrisisPrototypes English { get; } =
        EmbeddedJson.Read<CrisisPrototypes>(typeof(CrisisPrototypes).Assembly, "Bot.Core.Content.crisis-prototypes.en.json", Json);

    /// <summary>Every prototype in a fixed order: risk categories first, then safe ones, each as written.</summary>
    public IReadOnlyList<(bool Risk, string Category, string Text)> Sentences() =>
    [
        .. Risk.SelectMany(c => c.Value.Select(t => (true, c.Key, t))),
        .. Safe.SelectMany(c => c.Value.Select(t => (false, c.Key, t))),
    ];

    /// <summary>Changes whenever a sentence, its category or its order changes, or what the model reads of it: the key of cached vectors.</summary>
    public string Fingerprint()
    {
        var text = string.Join('\n', Sentences().Select(s => $"{s.Risk}\t{s.Category}\t{ModelText.Prepare(s.Text)}"));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..16];
    }

    private static System.Text.Json.JsonSerializerOptions Json => new() { PropertyNameCaseInsensitive = true };
}
