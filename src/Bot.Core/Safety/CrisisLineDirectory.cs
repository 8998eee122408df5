using System.Reflection;
using System.Text.Json;

namespace Bot.Core.Safety;

/// <summary>Crisis lines by country, from the embedded data file Content/crisis-lines.json; an international directory otherwise.</summary>
public sealed class CrisisLineDirectory
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };
    private readonly Dictionary<string, CrisisCountry> _byCode;
    private readonly Dictionary<string, string> _byAlias;

    private CrisisLineDirectory(CrisisLine fallback, IEnumerable<CrisisCountry> countries)
    {
        Fallback = fallback;
        _byCode = countries.ToDictionary(c => c.Code, StringComparer.OrdinalIgnoreCase);
        _byAlias = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var country in _byCode.Values)
        {
            foreach (var alias in country.Aliases.Append(country.Code))
            {
                _byAlias[TextNormalizer.Normalize(alias).Trim()] = country.Code;
            }
        }
    }

    public static CrisisLineDirectory Default { get; } = Load();

    public CrisisLine Fallback { get; }

    public IReadOnlyCollection<CrisisCountry> Countries => _byCode.Values;

    public CrisisCountry? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var country) ? country : null;

    /// <summary>A country named in a short answer: "UK", "I'm in Germany", "méxico". Null when none is recognised.</summary>
    public string? CountryIn(string text)
    {
        var normal = TextNormalizer.Normalize(text).Trim();
        if (_byAlias.TryGetValue(normal, out var exact))
        {
            return exact;
        }

        foreach (var prefix in (string[])["im in ", "i live in ", "in ", "from ", "im from ", "i am in ", "living in ", "the "])
        {
            if (normal.StartsWith(prefix, StringComparison.Ordinal))
            {
                var rest = normal[prefix.Length..];
                rest = rest.StartsWith("the ", StringComparison.Ordinal) ? rest[4..] : rest;
                if (_byAlias.TryGetValue(rest, out var code))
                {
                    return code;
                }
            }
        }

        return null;
    }

    private static CrisisLineDirectory Load()
    {
        const string resource = "Bot.Core.Content.crisis-lines.json";
        var file = EmbeddedJson.Read<DirectoryFile>(Assembly.GetExecutingAssembly(), resource, JsonOptions);
        var countries = file.Countries.Select(pair => new CrisisCountry(
            pair.Key.ToUpperInvariant(),
            pair.Value.Name,
            pair.Value.Emergency,
            pair.Value.Lines,
            pair.Value.Aliases ?? []));
        return new CrisisLineDirectory(file.Fallback, countries);
    }

    private sealed record DirectoryFile(CrisisLine Fallback, Dictionary<string, CountryEntry> Countries);

    private sealed record CountryEntry(string Name, string? Emergency, CrisisLine[] Lines, string[]? Aliases);
}
