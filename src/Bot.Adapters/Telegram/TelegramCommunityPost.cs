using Telegram.Bot.Types.ReplyMarkups;

namespace Bot.Adapters.Telegram;

/// <summary>Pure: the group invitation, whose only button opens a private chat with the bot that starts a check-in.</summary>
public static class TelegramCommunityPost
{
    public static (string Html, InlineKeyboardMarkup Keyboard) Render(Uri deepLink, TelegramCopy copy)
    {
        ArgumentNullException.ThrowIfNull(deepLink);
        ArgumentNullException.ThrowIfNull(copy);
        var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithUrl(copy.CommunityPost.Button, deepLink.ToString()));
        return (TelegramMessageRenderer.EscapeHtml(copy.CommunityPost.Text), keyboard);
    }
}
