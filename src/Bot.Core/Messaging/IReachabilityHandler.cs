namespace Bot.Core.Messaging;

/// <summary>Driving port: a platform says a person blocked the bot (unreachable) or came back (reachable).</summary>
/// <remarks>Idempotent: platforms may repeat the news. Unreachable should pause check-ins, like a 403 on send does.</remarks>
public interface IReachabilityHandler
{
    Task SetReachableAsync(ChatAddress chat, bool reachable, DateTimeOffset at, CancellationToken cancellationToken);
}
