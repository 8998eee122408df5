using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Bot.Core.Messaging;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>Sending through the real Telegram.Bot client to the fake Bot API, with its faults.</summary>
public sealed class TelegramChatPlatformTests : IAsyncLifetime
{
    private static readonly ChatAddress Person = new(Platform.Telegram, "111222333");

    private readonly FakeTelegramBotApi _api = new();
    private TelegramTestHost _host = null!;
    private TelegramChatPlatform _platform = null!;

    public Task InitializeAsync()
    {
        // No hosted services are started: these tests only send.
        _host = new TelegramTestHost(_api);
        _platform = _host.Get<TelegramChatPlatform>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        Assert.Empty(_api.Errors);
    }

    private Task<SendResult> SendAsync(string text = "Hello there") =>
        _platform.SendAsync(new OutboundMessage(Person, text, [new ReplyChoice("mood:okay", "okay")]), "outbox-7", CancellationToken.None);

    [Fact]
    public async Task Send_Ok_IsSentOnceWithHtmlAndKeyboard()
    {
        var result = await SendAsync("a & b");

        Assert.Equal(SendStatus.Sent, result.Status);
        var call = Assert.Single(_api.CallsTo("sendMessage"));
        Assert.Equal("a &amp; b", call.Body["text"]!.GetValue<string>());
        Assert.NotNull(call.Body["reply_markup"]!["inline_keyboard"]);
    }

    [Fact]
    public async Task Send_429WithRetryAfter_IsLaterWithThatDelay_WithoutTheClientSleeping()
    {
        _api.FailNext("sendMessage", 429, "Too Many Requests: retry after 37", retryAfter: 37);

        var result = await SendAsync();

        Assert.Equal(SendStatus.RetryLater, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(37), result.RetryAfter);
        Assert.Single(_api.CallsTo("sendMessage"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    public async Task Send_5xx_IsOneAttempt_HandedBackToTheOutboxAsLater_WhoseNextTryIsSent(int errorCode)
    {
        // The outbox is the only retry layer: the adapter must not retry while delivery holds the rate-limit lease.
        _api.FailNext("sendMessage", errorCode, "Server Error");

        var result = await SendAsync();
        Assert.Equal(SendStatus.RetryLater, result.Status);
        Assert.Null(result.RetryAfter);
        Assert.Single(_api.CallsTo("sendMessage"));

        Assert.Equal(SendStatus.Sent, (await SendAsync()).Status);
        Assert.Equal(2, _api.CallsTo("sendMessage").Count);
    }

    [Fact]
    public async Task Send_SlowButWithinTheTimeout_IsSentOnce()
    {
        // A generous timeout here, so a busy machine cannot turn "slow" into "timed out".
        await using var patient = new TelegramTestHost(_api, settings => settings["Telegram:RequestTimeout"] = "00:01:00");
        _api.DelayNext("sendMessage", TimeSpan.FromMilliseconds(500));

        var result = await patient.Get<TelegramChatPlatform>().SendAsync(
            OutboundMessage.Plain(Person, "Take your time."), "outbox-8", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Single(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Send_TimedOut_IsOneAttempt_HandedBackToTheOutboxAsLater()
    {
        // Longer than Telegram:RequestTimeout (2 s in the test host).
        _api.DelayNext("sendMessage", TimeSpan.FromSeconds(5));

        var result = await SendAsync();

        Assert.Equal(SendStatus.RetryLater, result.Status);
        Assert.Single(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Send_403BlockedByUser_IsNotReachable_AndNotRetried()
    {
        _api.FailNext("sendMessage", 403, "Forbidden: bot was blocked by the user");

        var result = await SendAsync();

        Assert.Equal(SendStatus.Unreachable, result.Status);
        Assert.Single(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Send_400BadRequest_IsRefused_AndNotRetried()
    {
        _api.FailNext("sendMessage", 400, "Bad Request: can't parse entities");

        var result = await SendAsync();

        Assert.Equal(SendStatus.Rejected, result.Status);
        Assert.Single(_api.CallsTo("sendMessage"));
    }

    [Fact]
    public async Task Send_LongText_GoesOutInPartsWithTheKeyboardOnTheLast()
    {
        var text = string.Join('\n', Enumerable.Range(0, 900).Select(i => $"line {i} of a long story"));

        var result = await SendAsync(text);

        Assert.Equal(SendStatus.Sent, result.Status);
        var calls = _api.CallsTo("sendMessage");
        Assert.True(calls.Count >= 2);
        Assert.All(calls.SkipLast(1), c => Assert.Null(c.Body["reply_markup"]));
        Assert.NotNull(calls[^1].Body["reply_markup"]);
        Assert.All(calls, c => Assert.InRange(c.Body["text"]!.GetValue<string>().Length, 1, TelegramMessageRenderer.MaxMessageLength));
        Assert.Equal(text, string.Join('\n', calls.Select(c => c.Body["text"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Send_WithAnExport_SendsTheTextThenTheFileAsADocument()
    {
        var export = new OutboundAttachment("export.json", "application/json", System.Text.Encoding.UTF8.GetBytes("{\"checkins\":[]}"));
        var message = OutboundMessage.Plain(Person, "Here is everything I keep about you.") with { Attachment = export };

        var result = await _platform.SendAsync(message, "outbox-9", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Single(_api.CallsTo("sendMessage"));
        var upload = Assert.Single(_api.CallsTo("sendDocument"));
        Assert.Equal(111222333, FakeTelegramBotApi.Long(upload.Body["chat_id"]));
        Assert.Equal("export.json", upload.Body["file_name"]!.GetValue<string>());
        Assert.Equal("{\"checkins\":[]}", upload.Body["file_text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_WithAChart_SendsAPhoto_AndA5xxOnTheUploadGoesBackToTheOutbox()
    {
        _api.FailNext("sendPhoto", 500, "Internal Server Error");
        var chart = new OutboundAttachment("week.png", "image/png", [0x89, 0x50, 0x4E, 0x47]);
        var message = OutboundMessage.Plain(Person, "Your week.") with { Attachment = chart };

        Assert.Equal(SendStatus.RetryLater, (await _platform.SendAsync(message, "outbox-10", CancellationToken.None)).Status);
        var result = await _platform.SendAsync(message, "outbox-10", CancellationToken.None);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.Equal(2, _api.CallsTo("sendPhoto").Count);
        Assert.Equal("week.png", _api.CallsTo("sendPhoto")[1].Body["file_name"]!.GetValue<string>());
    }
}
