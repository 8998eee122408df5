using System.Text.Json;
using Bot.Adapters.Discord.Gateway;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>
/// `dead-letters retry` for Discord: the parked gateway event is mapped again and its message handed to Core. The
/// interaction it came with has long expired, so nothing is answered on it.
/// </summary>
internal sealed class DiscordInboundReplayer(IServiceScopeFactory scopes, IOptions<DiscordOptions> options) : IInboundReplayer
{
    public Platform Platform => Platform.Discord;

    /// <summary>The form a parked Discord event is kept in: its name and data, as the gateway sent them.</summary>
    public static string Write(GatewayDispatch dispatch) =>
        $"{{\"t\":{JsonSerializer.Serialize(dispatch.EventName)},\"d\":{dispatch.Data.GetRawText()}}}";

    public async Task ReplayAsync(string rawPayload, CancellationToken cancellationToken)
    {
        using var json = JsonDocument.Parse(rawPayload);
        var root = json.RootElement;
        var mapped = DiscordEventMapper.Map(root.GetProperty("t").GetString() ?? "", root.GetProperty("d"), botUserId: null, options.Value.ButtonLifetime);
        if (mapped?.Message is not { } message)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, cancellationToken);
    }
}
