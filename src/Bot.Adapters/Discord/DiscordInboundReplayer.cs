using System.Text.Json;
using Bot.Core.Inbound;
using Bot.Core.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>
/// `dead-letters retry` for Discord: the parked event is mapped again and its message handed to Core. The interaction it
/// came with has long expired, so nothing is answered on it.
/// </summary>
internal sealed class DiscordInboundReplayer(IServiceScopeFactory scopes, IOptions<DiscordOptions> options) : IInboundReplayer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Platform Platform => Platform.Discord;

    /// <summary>The form a parked Discord event is kept in: the facts the adapter read from it.</summary>
    public static string Write(DiscordParkedEvent parked) => JsonSerializer.Serialize(parked, Json);

    public async Task ReplayAsync(string rawPayload, CancellationToken cancellationToken)
    {
        var parked = JsonSerializer.Deserialize<DiscordParkedEvent>(rawPayload, Json) ?? throw new JsonException("The parked event is empty.");
        if (DiscordEventMapper.Map(parked, botUserId: null, options.Value.ButtonLifetime)?.Message is not { } message)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IInboundMessageHandler>().HandleAsync(message, cancellationToken);
    }
}
