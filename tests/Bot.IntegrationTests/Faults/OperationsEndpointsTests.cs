using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Bot.Testing;
using Bot.Testing.Telegram;

namespace Bot.IntegrationTests.Faults;

/// <summary>What an operator sees of a running host: /healthz, /metrics and the `stats` verb, counts only.</summary>
public sealed class OperationsEndpointsTests
{
    private const string CrisisText = "i want to kill myself";

    [Fact]
    public async Task RealHost_ReportsHealthMetricsAndStats_CountedByPlatform_WithoutAnyContent()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("operations");
        await using var api = new FakeTelegramBotApi();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var environment = HostEnvironment.For(database, api);
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, environment);
        for (var id = 1; id <= 3; id++)
        {
            api.Enqueue(Traffic.CheckIn(id));
        }

        api.Enqueue(Updates.Text(4, CrisisText, Traffic.PersonOf(4)));
        await Eventually.TrueAsync(
            () => Traffic.ChatsAnswered(api).Count == 4
                && HostEnvironment.TryCount(database, "SELECT count(*) FROM outbox_messages WHERE status <> 'Sent'") == 0
                || bot.HasExited,
            "every person answered and the outbox drained");

        var health = await http.GetAsync(bot.ManagementUrl + "/healthz");
        var metrics = await http.GetStringAsync(bot.ManagementUrl + "/metrics");
        var sent = api.CallsTo("sendMessage").Count;
        Assert.Equal(0, await bot.StopAsync());
        var stats = await BotProcess.RunAsync(HostEnvironment.HostPath, ["stats"], environment: environment);

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var healthBody = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("ok", healthBody.RootElement.GetProperty("database").GetString());
        Assert.Equal("connected", healthBody.RootElement.GetProperty("platforms").GetProperty("telegram").GetString());
        Assert.True(healthBody.RootElement.TryGetProperty("outbox", out _));

        Assert.Equal(4, Counter(metrics, "compassionbot_messages_in_total", "telegram"));
        Assert.Equal(sent, Counter(metrics, "compassionbot_messages_out_total", "telegram"));
        Assert.Equal(1, Counter(metrics, "compassionbot_crisis_responses_total", "telegram"));
        Assert.Contains("compassionbot_outbox_depth", metrics, StringComparison.Ordinal);
        Assert.Contains("compassionbot_outbox_oldest_age_seconds", metrics, StringComparison.Ordinal);

        Assert.Equal(0, stats.ExitCode);
        using var statsBody = JsonDocument.Parse(stats.StandardOutput);
        Assert.Equal(4, statsBody.RootElement.GetProperty("people").GetInt32());

        foreach (var shown in new[] { metrics, await health.Content.ReadAsStringAsync(), stats.StandardOutput })
        {
            Assert.DoesNotContain("kill", shown, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("/checkin", shown, StringComparison.Ordinal);
            Assert.DoesNotContain(Traffic.PersonOf(1).ToString(CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
            Assert.DoesNotContain(FakeTelegramBotApi.Token, shown, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// Health and metrics answer on the management port only, the public (webhook) port serves none of them, whatever
    /// the spelling; /metrics answers GET only; /healthz/live needs no database.
    /// </summary>
    [Fact]
    public async Task ManagementEndpoints_AnswerOnTheManagementPortOnly_AndMetricsOnlyToGet()
    {
        var postgres = await PostgresServer.GetAsync();
        var database = await postgres.CreateDatabaseAsync("management_port");
        await using var api = new FakeTelegramBotApi();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        await using var bot = RunningBot.Start(HostEnvironment.HostPath, HostEnvironment.For(database, api));
        await Eventually.TrueAsync(() => Status(http, HttpMethod.Get, bot.ManagementUrl + "/healthz/ready") == HttpStatusCode.OK || bot.HasExited, "ready");

        foreach (var path in new[] { "/healthz", "/healthz/", "/healthz/live", "/healthz/ready", "/metrics", "/METRICS", "/Healthz/Ready/" })
        {
            Assert.Equal(HttpStatusCode.NotFound, Status(http, HttpMethod.Get, bot.BaseUrl + path));
        }

        Assert.Equal(HttpStatusCode.OK, Status(http, HttpMethod.Get, bot.ManagementUrl + "/healthz/live"));
        Assert.Equal(HttpStatusCode.OK, Status(http, HttpMethod.Get, bot.ManagementUrl + "/healthz"));
        Assert.Equal(HttpStatusCode.OK, Status(http, HttpMethod.Get, bot.ManagementUrl + "/metrics"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, Status(http, HttpMethod.Post, bot.ManagementUrl + "/metrics"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, Status(http, HttpMethod.Delete, bot.ManagementUrl + "/metrics"));
        Assert.Equal(HttpStatusCode.NotFound, Status(http, HttpMethod.Post, bot.ManagementUrl + "/telegram/webhook"));
        var ready = JsonDocument.Parse(await http.GetStringAsync(bot.ManagementUrl + "/healthz/ready")).RootElement;
        Assert.Equal("ok", ready.GetProperty("status").GetString());
        Assert.Equal("connected", ready.GetProperty("platforms").GetProperty("telegram").GetString());
        Assert.Equal(0, await bot.StopAsync());
    }

    private static HttpStatusCode Status(HttpClient http, HttpMethod method, string url)
    {
        try
        {
            using var request = new HttpRequestMessage(method, url);
            using var response = http.Send(request);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    /// <summary>The value of a counter for one platform in the Prometheus text format.</summary>
    private static double Counter(string metrics, string name, string platform)
    {
        var line = Regex.Match(metrics, $@"^{Regex.Escape(name)}\{{[^}}]*platform=""{platform}""[^}}]*\}} (\S+)", RegexOptions.Multiline);
        Assert.True(line.Success, $"{name} for {platform} is not in /metrics:\n{metrics}");
        return double.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
