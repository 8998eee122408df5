using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Bot.Adapters.Telegram;
using Bot.Adapters.Tests.Telegram.Fakes;
using Bot.Testing.Telegram;
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
        });
        builder.Services.AddSingleton(_handler);
        builder.Services.AddScoped<IInboundMessageHandler>(sp => sp.GetRequiredService<RecordingInboundHandler>());
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

    private async Task<HttpStatusCode> PostAsync(JsonObject update, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/telegram") { Content = JsonContent.Create(update) };
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
    public async Task Webhook_CoreFails_Answers500SoTelegramDeliversAgain_ThenCommitsOnce()
    {
        _handler.FailNext(1);

        Assert.Equal(HttpStatusCode.InternalServerError, await PostAsync(Updates.Text(5002, "okay"), Secret));
        Assert.Equal(HttpStatusCode.OK, await PostAsync(Updates.Text(5002, "okay"), Secret));

        Assert.Equal("5002", _handler.Committed.Single().PlatformMessageId);
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
