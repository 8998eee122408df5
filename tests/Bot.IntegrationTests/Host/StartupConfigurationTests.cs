using Bot.Host;
using Bot.Testing;

namespace Bot.IntegrationTests.Host;

/// <summary>A bad configuration value stops start-up with a message that names the key.</summary>
public sealed class StartupConfigurationTests
{
    private static readonly string HostPath = typeof(BotServices).Assembly.Location;

    [Theory]
    [InlineData("Storage__Provider", "Mongo", "Storage:Provider")]
    [InlineData("ConnectionStrings__Postgres", "Host=127.0.0.1;Nonsense Key=1", "ConnectionStrings:Postgres")]
    [InlineData("Storage__EncryptionKeys", "k1:not-base64!", "Storage:EncryptionKeys")]
    [InlineData("Delivery__BatchSize", "0", "Delivery")]
    [InlineData("Delivery__Lease", "soon", "Delivery:Lease")]
    public async Task BadValue_StopsStartup_NamingTheKey(string variable, string value, string named)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"cb-cfg-{Guid.NewGuid():N}");
        var result = await BotProcess.RunAsync(
            HostPath,
            ["run", "--data-dir", dataDirectory, "--Urls", "http://127.0.0.1:0"],
            environment: new Dictionary<string, string?>
            {
                [variable] = value,
                ["Storage__EncryptionKeys"] = variable == "Storage__EncryptionKeys" ? value : "k1:" + Convert.ToBase64String(new byte[32]),
            },
            timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("at Bot.", result.StandardError, StringComparison.Ordinal);
    }

    /// <summary>Every way to get a platform or a listener wrong is one line on stderr, naming the key and what to set, and nothing else.</summary>
    [Theory]
    [InlineData("Telegram__Enabled=true", "Telegram:BotToken is required when Telegram:Enabled is true (set the environment variable Telegram__BotToken")]
    [InlineData("Discord__Enabled=true", "Discord:BotToken is required when Discord:Enabled is true (set the environment variable Discord__BotToken")]
    [InlineData("Telegram__Enabled=yes", "Configuration 'Telegram:Enabled': 'yes' is neither true nor false")]
    [InlineData("Telegram__BotToken=oops", "Telegram:BotToken is malformed")]
    [InlineData("Telegram__BotToken=123456:abcdefghijklmnopqrstuvwxyz|Telegram__Mode=Webhook", "Telegram:WebhookUrl must be an absolute https URL")]
    [InlineData("LoopbackPlatform__Url=http://example.com/", "Configuration 'LoopbackPlatform:Url': must be an http address on 127.0.0.1")]
    [InlineData("Management__Urls=localhost:8081", "Configuration 'Management:Urls': 'localhost:8081' is not a server address")]
    [InlineData("Management__Urls=http://127.0.0.1:0", "Configuration 'Management:Urls': needs a fixed port")]
    [InlineData("Urls=http://0.0.0.0:18081|Management__Urls=http://127.0.0.1:18081", "Configuration 'Management:Urls': must use a port of its own: 18081 is also in Urls")]
    [InlineData("Management__OutboxLagLimit=later", "Management:OutboxLagLimit")]
    public async Task Misconfiguration_IsOneLine_NamingTheKey_ExitTwo(string settings, string expected)
    {
        var environment = new Dictionary<string, string?>
        {
            ["Storage__EncryptionKeys"] = "k1:" + Convert.ToBase64String(new byte[32]),
            ["Urls"] = "http://127.0.0.1:0",
        };
        foreach (var setting in settings.Split('|'))
        {
            environment[setting[..setting.IndexOf('=', StringComparison.Ordinal)]] = setting[(setting.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        var result = await BotProcess.RunAsync(
            HostPath,
            ["run", "--data-dir", Path.Combine(Path.GetTempPath(), $"cb-cfg-{Guid.NewGuid():N}")],
            environment: environment,
            timeout: TimeSpan.FromSeconds(60));

        Assert.Equal(2, result.ExitCode);
        var lines = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, result.StandardOutput + result.StandardError);
        Assert.StartsWith("CompassionBot cannot start. ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardOutput, StringComparison.Ordinal);
    }
}
