using System.Reflection;
using System.Text.Json;
using Bot.Core;

namespace Bot.Adapters.Discord;

/// <summary>Discord-only copy (interaction answers, the community post, command descriptions), from Content/discord.en.json.</summary>
public sealed class DiscordCopy
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private DiscordCopy(CopyFile file)
    {
        Answers = file.Answers;
        Community = file.Community;
        Commands = file.Commands;
    }

    public static DiscordCopy English { get; } = Load("en");

    public IReadOnlyDictionary<string, string> Answers { get; }

    public IReadOnlyDictionary<string, string> Community { get; }

    public IReadOnlyDictionary<string, string> Commands { get; }

    public string Answer(DiscordAnswer answer) =>
        Answers.TryGetValue(answer.ToString(), out var text)
            ? text
            : throw new KeyNotFoundException($"No Discord copy for answer {answer}.");

    public static DiscordCopy Load(string language)
    {
        var resource = $"Bot.Adapters.Discord.Content.discord.{language}.json";
        var file = EmbeddedJson.Read<CopyFile>(Assembly.GetExecutingAssembly(), resource, JsonOptions);
        return new DiscordCopy(file);
    }

    private sealed record CopyFile(Dictionary<string, string> Answers, Dictionary<string, string> Community, Dictionary<string, string> Commands);
}
