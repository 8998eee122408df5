using Bot.Adapters.Telegram;

namespace Bot.Adapters.Tests.Telegram;

public sealed class TelegramOptionsValidatorTests
{
    private static readonly TelegramOptionsValidator Validator = new();

    [Fact]
    public void Validate_MalformedToken_NamesTheKeyWithoutEchoingTheToken()
    {
        var result = Validator.Validate(null, new TelegramOptions { Enabled = true, BotToken = "not-a-token-sekrit" });

        Assert.True(result.Failed);
        Assert.Contains("Telegram:BotToken is malformed", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("sekrit", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WebhookModeWithoutUrlOrSecret_NamesBothKeys()
    {
        var result = Validator.Validate(null, new TelegramOptions
        {
            Enabled = true,
            BotToken = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789",
            Mode = TelegramMode.Webhook,
            WebhookUrl = "http://not-https.example/hook",
        });

        Assert.True(result.Failed);
        Assert.Contains("Telegram:WebhookUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Telegram:WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public void Validate_PollingConcurrencyOutOfRange_NamesTheKey(int concurrency)
    {
        var result = Validator.Validate(null, new TelegramOptions
        {
            Enabled = true,
            BotToken = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789",
            PollingConcurrency = concurrency,
        });

        Assert.True(result.Failed);
        Assert.Contains("Telegram:PollingConcurrency", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(21, false)]
    [InlineData(1, true)]
    [InlineData(20, true)]
    public void Validate_InboundAttempts_OneToTwenty_ElseNamesTheKey(int attempts, bool valid)
    {
        Assert.Equal(5, new TelegramOptions().InboundAttempts);
        var result = Validator.Validate(null, new TelegramOptions
        {
            Enabled = true,
            BotToken = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789",
            InboundAttempts = attempts,
        });

        Assert.Equal(!valid, result.Failed);
        Assert.Equal(!valid, result.FailureMessage?.Contains("Telegram:InboundAttempts", StringComparison.Ordinal) ?? false);
    }

    [Fact]
    public void Validate_PollingConcurrency_DefaultsTo16_AndOneIsAllowed()
    {
        Assert.Equal(16, new TelegramOptions().PollingConcurrency);
        Assert.True(Validator.Validate(null, new TelegramOptions
        {
            Enabled = true,
            BotToken = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789",
            PollingConcurrency = 1,
        }).Succeeded);
    }

    [Fact]
    public void Validate_Disabled_AcceptsEmptySettings_AndAGoodConfigurationPasses()
    {
        Assert.True(Validator.Validate(null, new TelegramOptions()).Succeeded);
        Assert.True(Validator.Validate(null, new TelegramOptions
        {
            Enabled = true,
            BotToken = "123456:ABCdefghijklmnopqrstuvwxyz_-0123456789",
            Mode = TelegramMode.Webhook,
            WebhookUrl = "https://bot.example.org/telegram/webhook",
            WebhookSecret = "s3cr3t_token-1",
        }).Succeeded);
    }
}
