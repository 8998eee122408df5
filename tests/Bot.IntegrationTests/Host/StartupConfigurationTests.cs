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
}
