using Bot.Core.Messaging;

namespace Bot.Adapters.Persistence.Entities;

/// <summary>Dedupe marker: written first in every inbound turn, so a redelivered update stops here.</summary>
public sealed class ProcessedInboundRow
{
    public Platform Platform { get; set; }

    public string MessageKey { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
