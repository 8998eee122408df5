using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Bot.Host.Telegram;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Adapters.Tests.Telegram;

/// <summary>The Bot.Host webhook endpoint on a real Kestrel listener on loopback, with the adapter wired by AddTelegramAdapter.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "s3cr3t_token-for-tests";

    private readonly FakeTelegramBotApi _api = new();
    private readonly RecordingInboundHandler _handler = new();
    private readonly RecordingDeadLetterStore _deadLetters = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Enabled"] = "true",
            ["Telegram:BotToken"] = FakeTelegramBotApi.Token,
            ["Telegram:ApiBaseUrl"] = _api.BaseUrl,
            ["Telegram:Mode"] = "Webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/hooks/telegram",
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:RetryDelay"] = "00:00:00.020",
            ["Telegram:MaxRetryDelay"] = "00:00:00.200",
            ["Telegram:InboundAttempts"] = "3",
        });
        builder.Services.AddSingleton(_handler);
        builder.Services.AddScoped<IInboundMessageHandler>(sp => sp.GetRequiredService<RecordingInboundHandler>());
        builder.Services.AddSingleton(_deadLetters);
        builder.Services.AddScoped<IDeadLetterStore>(sp => sp.GetRequiredService<RecordingDeadLetterStore>());
        builder.Services.AddTelegramAdapter(builder.Configuration);

        _app = builder.Build();
        _app.MapTelegramWebhook();
        await _app.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_app.Urls.First()) };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _api.DisposeAsync();
        Assert.Empty(_api.Errors);
    }

    private Task<HttpStatusCode> PostAsync(JsonObject update, string? secret) => PostAsync(update.ToJsonString(), secret);

    private async Task<HttpStatusCode> PostAsync(string update, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/telegram") { Content = new StringContent(update, System.Text.Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Add(TelegramWebhookReceiver.SecretHeader, secret);
        }

        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("s3cr3t_token-for-tests-but-longer")]
    [InlineData("S3CR3T_TOKEN-FOR-TESTS")]
    public async Task Webhook_MissingOrWrongSecret_Is401_AndNothingIsProcessed(string? secret)
    {
        var status = await PostAsync(Updates.Text(5000, "okay"), secret);

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Empty(_handler.Calls);
    }

    [Fact]
    public async Task Webhook_RightSecret_HandsTheUpdateToTheCore_AndTheSameUpdateAgainIsADuplicate()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5001, "/checkin"), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5001, "/checkin"), Secret));

        Assert.Equal([HandleOutcome.Handled, HandleOutcome.Duplicate], _handler.Outcomes);
        Assert.Equal("5001", _handler.Committed.Single().PlatformMessageId);
        Assert.Equal("/checkin", _handler.Committed.Single().Text);
    }

    [Fact]
    public async Task Webhook_TwoUpdatesOfOneChatAtOnce_ReachTheCoreOneAtATime_InArrivalOrder()
    {
        var entered = new ConcurrentQueue<string>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _handler.BeforeCommit = async (message, token) =>
        {
            entered.Enqueue(message.PlatformMessageId);
            if (message.PlatformMessageId == "5010")
            {
                await release.Task.WaitAsync(TimeSpan.FromSeconds(10), token);
            }
        };

        var first = PostAsync(Updates.Text(5010, "one"), Secret);
        await Eventually.TrueAsync(() => entered.Contains("5010"), "the first update is being handled");
        var second = PostAsync(Updates.Text(5011, "two"), Secret);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        Assert.Equal(["5010"], entered); // the same chat's second update waits in its lane (ChatLanes)
        release.SetResult();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], await Task.WhenAll(first, second));
        Assert.Equal(["5010", "5011"], _handler.Committed.Select(m => m.PlatformMessageId));
    }

    [Fact]
    public async Task Webhook_CoreFailsOnce_IsTriedAgainWithinTheRequest_ThenCommitsOnce()
    {
        _handler.FailNext(1);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5002, "okay"), Secret));

        Assert.Equal([null, HandleOutcome.Handled], _handler.Outcomes);
        Assert.Equal("5002", _handler.Committed.Single().PlatformMessageId);
        Assert.Empty(_deadLetters.Letters);
    }

    [Fact]
    public async Task Webhook_DuringAnOutage_Answers500SoTelegramDeliversAgain_AndParksNothing()
    {
        var outage = true;
        _handler.BeforeCommit = (_, _) => outage ? Task.FromException(new TimeoutException("The database did not answer.")) : Task.CompletedTask;

        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(Updates.Text(5003, "okay"), Secret));
        outage = false;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5003, "okay"), Secret));

        Assert.Equal("5003", _handler.Committed.Single().PlatformMessageId);
        Assert.Empty(_deadLetters.Letters);
    }

    [Fact]
    public async Task Webhook_UpdateFailingEveryTime_IsParked_Answers200_AndThePersonHearsSorryOnce()
    {
        _handler.BeforeCommit = (message, _) => message.PlatformMessageId == "5004"
            ? Task.FromException(new InvalidOperationException("A bug that fails this update every time."))
            : Task.CompletedTask;

        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5004, Updates.SecretSentence), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5004, Updates.SecretSentence), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5005, "okay"), Secret));

        var letter = Assert.Single(_deadLetters.Letters);
        Assert.Equal("5004", letter.UpdateId);
        Assert.Equal(6, letter.Attempts);
        Assert.Equal("5005", _handler.Committed.Single().PlatformMessageId);
        var sorry = Bot.Core.Replies.ReplyCatalog.English[Bot.Core.Replies.ReplyKey.SomethingWentWrongGently].Variants[0];
        Assert.Equal([sorry], _api.CallsTo("sendMessage").Select(c => c.Body["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Webhook_UpdateTheLibraryCannotRead_IsParked_AndAnswered200()
    {
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.LoneSurrogatePress(5006, 606), Secret));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync("{\"no_update_id\":true}", Secret));

        var letter = Assert.Single(_deadLetters.Letters);
        Assert.Equal("5006", letter.UpdateId);
        Assert.Empty(_handler.Calls);
    }

    [Fact]
    public async Task Startup_InWebhookMode_RegistersTheWebhookWithItsSecret_AndKeepsPendingUpdates()
    {
        await Eventually.TrueAsync(() => _api.CallsTo("setWebhook").Count == 1, "the webhook is registered");

        var body = _api.CallsTo("setWebhook")[0].Body;
        Assert.Equal("https://bot.example.org/hooks/telegram", body["url"]!.GetValue<string>());
        Assert.Equal(Secret, body["secret_token"]!.GetValue<string>());
        Assert.NotEqual(true, body["drop_pending_updates"]?.GetValue<bool>());
        Assert.Single(_api.CallsTo("setMyCommands"));
        Assert.Empty(_api.CallsTo("getUpdates"));
    }
}
