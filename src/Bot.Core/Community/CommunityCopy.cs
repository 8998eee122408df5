using System.Reflection;
using System.Text.Json;

namespace Bot.Core.Community;

/// <summary>What the bot says about community posts in a shared channel, from Content/community.en.json.</summary>
public sealed record CommunityCopy(
    string SetupDone,
    string TelegramSetupDone,
    string Stopped,
    string NotSetUp,
    string Help,
    string MissingTimeOrZone,
    string BadTime,
    string BadZone,
    string TelegramSetupHelp,
    string GroupHelp,
    string DailyPostDone,
    string AdminsOnly,
    string Status)
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public static CommunityCopy English { get; } = Load("en");

    public static CommunityCopy Load(string language)
    {
        var resource = $"Bot.Core.Content.community.{language}.json";
        var copy = EmbeddedJson.Read<CommunityCopy>(Assembly.GetExecutingAssembly(), resource, JsonOptions);
        var missing = typeof(CommunityCopy).GetProperties()
            .Where(p => p.PropertyType == typeof(string) && string.IsNullOrWhiteSpace((string?)p.GetValue(copy)))
            .Select(p => p.Name)
            .ToList();
        return missing.Count == 0
            ? copy
            : throw new InvalidOperationException($"Community copy '{resource}' lacks {string.Join(", ", missing)}.");
    }

    public string Confirm(CommunityChannel channel, bool telegram) => WithTime(telegram ? TelegramSetupDone : SetupDone, channel);

    public string Describe(CommunityChannel channel) => WithTime(Status, channel);

    private static string WithTime(string line, CommunityChannel channel) =>
        line
            .Replace("{time}", channel.LocalTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{zone}", channel.TimeZone, StringComparison.Ordinal);
}
