using Bot.Core.Messaging;

namespace Bot.Core.Inbound;

/// <summary>A parked update as operators see it: no content, only what failed, how often and when.</summary>
public sealed record DeadLetter(
    Platform Platform,
    string UpdateId,
    string ErrorType,
    string ErrorMessage,
    int Attempts,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen);
