namespace Bot.Adapters.Telegram;

/// <param name="BotUsername">Without "@"; commands addressed to another bot in a group are ignored. Null until known.</param>
public sealed record TelegramMappingContext(
    TelegramCallbackData CallbackData,
    DateTimeOffset Now,
    TimeSpan ButtonLifetime,
    string? BotUsername);
