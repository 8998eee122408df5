using Bot.Core.Messaging;

namespace Bot.Core.Inbound;

/// <summary>One update as a platform delivered it: who may hear a sorry, and its raw form (only read when it is parked).</summary>
/// <param name="UpdateId">The platform's own id (Telegram update_id, Discord message or interaction id).</param>
/// <param name="ReplyTo">The chat to tell "something went wrong on my side" if it is parked; null when none can be addressed.</param>
/// <param name="RawPayload">The update as received, so `dead-letters retry` can run it again; stored encrypted.</param>
public sealed record InboundUpdate(Platform Platform, string UpdateId, ChatAddress? ReplyTo, Func<string> RawPayload);
