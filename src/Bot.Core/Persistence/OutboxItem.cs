using Bot.Core.Messaging;

namespace Bot.Core.Persistence;

public sealed record OutboxItem(long Id, OutboundMessage Message, DeliveryLane Lane, int Attempts);
