using System.Text.Json;

namespace Bot.Adapters.Discord.Gateway;

/// <summary>An op 0 event, handed on in sequence order, at most once per session.</summary>
public sealed record GatewayDispatch(string EventName, long Sequence, JsonElement Data, DateTimeOffset ReceivedAt);
