using Bot.Adapters.Telegram;

namespace Bot.Adapters.Tests.Telegram;

public sealed class TelegramCopyTests
{
    [Fact]
    public void English_HasADescriptionForEveryMenuCommand_WithinTelegramLimits()
    {
        var commands = TelegramBotSetup.Commands();

        Assert.Equal(Bot.Core.Commands.CommandCatalog.English.All.Count, commands.Count);
        Assert.All(commands, c =>
        {
            Assert.Matches("^[a-z0-9_]{1,32}$", c.Command);
            Assert.InRange(c.Description.Length, 1, 256);
        });
    }

    [Fact]
    public void English_ExpiredButtonAnswer_FitsACallbackAnswer()
    {
        Assert.InRange(TelegramCopy.English.ExpiredButton.Length, 1, 200);
        Assert.False(string.IsNullOrWhiteSpace(TelegramCopy.English.CommunityPost.Button));
    }
}
