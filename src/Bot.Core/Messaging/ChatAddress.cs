namespace Bot.Core.Messaging;

/// <summary>Where to talk to someone. Persisted on first contact so the bot can reach out later.</summary>
/// <remarks>Ids are text: Discord snowflakes are ulong, Telegram chat ids are long.</remarks>
public readonly record struct ChatAddress(Platform Platform, string ChatId)
{
    public override string ToString() => $"{Platform}:{ChatId}";
}
