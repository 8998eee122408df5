namespace Bot.Adapters.Persistence.Entities;

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    Unreachable = 2,
    Failed = 3,
}
