using Bot.Adapters.Persistence;
using Bot.Host.Operations;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Cli;

/// <summary>
/// `Urls` (public: webhooks) and `Management:Urls` (health, metrics) are checked before the host starts, so a typo is one
/// line naming the key. The management listener needs a fixed port of its own: requests are told apart by the port
/// they arrived on.
/// </summary>
public static class ServerUrls
{
    private const string PublicKey = "Urls";
    private const string ManagementKey = ManagementOptions.SectionName + ":" + nameof(ManagementOptions.Urls);

    /// <summary>The public and management addresses together (for the server to listen on), and the management ports.</summary>
    public sealed record Listeners(string All, IReadOnlySet<int> ManagementPorts);

    public static Listeners Validate(IConfiguration configuration)
    {
        var publicUrls = Parse(PublicKey, configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : "http://127.0.0.1:8080");
        var managementUrls = Parse(ManagementKey, configuration[ManagementKey] is { Length: > 0 } management ? management : ManagementOptions.DefaultUrls);
        var managementPorts = managementUrls.Select(u => u.Address.Port).ToHashSet();
        if (managementPorts.Contains(0))
        {
            throw new ConfigurationException(ManagementKey, "needs a fixed port such as http://127.0.0.1:8081 (port 0 cannot be told apart from Urls).");
        }

        var shared = publicUrls.Select(u => u.Address.Port).FirstOrDefault(managementPorts.Contains);
        if (shared > 0)
        {
            throw new ConfigurationException(ManagementKey, $"must use a port of its own: {shared} is also in Urls (for example Urls=http://0.0.0.0:8080, Management__Urls=http://127.0.0.1:8081).");
        }

        return new Listeners(string.Join(';', publicUrls.Concat(managementUrls).Select(u => u.Text)), managementPorts);
    }

    private static List<(string Text, BindingAddress Address)> Parse(string key, string value)
    {
        var urls = new List<(string, BindingAddress)>();
        foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            urls.Add((url, TryParse(url) ?? throw new ConfigurationException(key, $"'{url}' is not a server address like http://127.0.0.1:8080 (separate several with ';').")));
        }

        return urls;
    }

    private static BindingAddress? TryParse(string url)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            return address.Scheme is "http" or "https" ? address : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
