using Bot.Adapters.Persistence;
using Microsoft.AspNetCore.Http;

namespace Bot.Host.Cli;

/// <summary>`Urls` (or ASPNETCORE_URLS) is checked before the host starts, so a typo is one line naming it.</summary>
public static class ServerUrls
{
    private const string Key = "Urls";

    public static void Validate(IConfiguration configuration)
    {
        var value = configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        foreach (var url in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!IsServerUrl(url))
            {
                throw new ConfigurationException(Key, $"'{url}' is not a server address like http://127.0.0.1:8080 (separate several with ';').");
            }
        }
    }

    private static bool IsServerUrl(string url)
    {
        try
        {
            var address = BindingAddress.Parse(url);
            return address.Scheme is "http" or "https";
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
