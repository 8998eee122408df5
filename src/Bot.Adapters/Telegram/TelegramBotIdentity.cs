namespace Bot.Adapters.Telegram;

/// <summary>The bot's own @username: configured, or learned from getMe at start-up. Needed for deep links and group commands.</summary>
public sealed class TelegramBotIdentity
{
    private volatile string? _username;

    public TelegramBotIdentity(string? configuredUsername = null)
    {
        _username = string.IsNullOrWhiteSpace(configuredUsername) ? null : configuredUsername.TrimStart('@');
    }

    public string? Username => _username;

    public void Learned(string? username)
    {
        if (!string.IsNullOrWhiteSpace(username))
        {
            _username = username.TrimStart('@');
        }
    }

    /// <summary>Opens a private chat with the bot that starts a check-in.</summary>
    public Uri CheckInDeepLink() =>
        new($"https://t.me/{_username ?? throw new InvalidOperationException("The bot username is not known yet.")}?start={TelegramUpdateMapper.CheckInDeepLinkPayload}");
}
