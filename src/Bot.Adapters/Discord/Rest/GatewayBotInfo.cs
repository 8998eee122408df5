namespace Bot.Adapters.Discord.Rest;

/// <summary>GET /gateway/bot: where to connect and how many new sessions may still start today.</summary>
public sealed record GatewayBotInfo(Uri Url, int Shards, int RemainingSessionStarts, TimeSpan SessionStartResetAfter, int MaxConcurrency);
