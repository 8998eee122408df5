using System.Reflection;
using System.Text.Json;

namespace Bot.Core;

/// <summary>Reads a JSON data file embedded in an assembly (copy, crisis lines); a missing or empty file fails loudly at start.</summary>
public static class EmbeddedJson
{
    public static T Read<T>(Assembly assembly, string resource, JsonSerializerOptions? options = null)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded data file '{resource}' is missing.");
        return JsonSerializer.Deserialize<T>(stream, options)
            ?? throw new InvalidOperationException($"Embedded data file '{resource}' is empty.");
    }
}
