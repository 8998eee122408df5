using Microsoft.Extensions.Options;

namespace Bot.Adapters.Discord;

/// <summary>Bad configuration stops start-up with a message that names the key to fix.</summary>
public sealed class DiscordOptionsValidator : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.BotToken))
        {
            failures.Add("Discord:BotToken is required when Discord:Enabled is true (set the environment variable Discord__BotToken).");
        }
        else if (options.BotToken.StartsWith("Bot ", StringComparison.OrdinalIgnoreCase))
        {
            failures.Add("Discord:BotToken must be the raw token, without the \"Bot \" prefix.");
        }

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL, for example https://discord.com/api/v10.");
        }

        if (options.ShardCount < 1)
        {
            failures.Add("Discord:ShardCount must be 1 or more.");
        }

        if (options.ShardIds.Any(id => id < 0 || id >= Math.Max(1, options.ShardCount)) || options.ShardIds.Distinct().Count() != options.ShardIds.Length)
        {
            failures.Add("Discord:ShardIds must be distinct shard numbers between 0 and Discord:ShardCount - 1.");
        }

        if (!string.IsNullOrEmpty(options.GatewayUrl)
            && (!Uri.TryCreate(options.GatewayUrl, UriKind.Absolute, out var gateway) || (gateway.Scheme != "wss" && gateway.Scheme != "ws") || gateway.Query.Length > 0))
        {
            failures.Add("Discord:GatewayUrl must be empty (ask Discord) or an absolute ws(s) URL without a query, for example wss://gateway.discord.gg.");
        }

        if ((options.Intents & DiscordOptions.DefaultIntents) != DiscordOptions.DefaultIntents)
        {
            failures.Add("Discord:Intents must include GUILDS, GUILD_MESSAGES and DIRECT_MESSAGES (4609).");
        }

        if (options.InteractionAckDeadline <= TimeSpan.Zero || options.InteractionAckDeadline > TimeSpan.FromMilliseconds(2500))
        {
            failures.Add("Discord:InteractionAckDeadline must be above zero and at most 00:00:02.5 (Discord allows 3 s).");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("Discord:RequestTimeout must be above zero.");
        }

        if (options.InboundAttempts is < 1 or > 20)
        {
            failures.Add("Discord:InboundAttempts must be between 1 and 20 (tries for one inbound message before it is parked).");
        }

        if (options.ButtonLifetime <= TimeSpan.Zero)
        {
            failures.Add("Discord:ButtonLifetime must be above zero.");
        }

        if (options.HandshakeTimeout <= TimeSpan.Zero)
        {
            failures.Add("Discord:HandshakeTimeout must be above zero.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
