using System.Text.Json;
using System.Text.Json.Serialization;

namespace Bot.Adapters.Persistence;

/// <summary>How conversation state and payloads are written to the store: stable, enums as names.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException($"Stored {typeof(T).Name} is empty.");
}
