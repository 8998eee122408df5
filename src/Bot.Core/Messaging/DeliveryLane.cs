namespace Bot.Core.Messaging;

/// <summary>Replies to someone who is talking now always go out before scheduled messages.</summary>
public enum DeliveryLane
{
    Reply = 0,
    Scheduled = 1,
}
