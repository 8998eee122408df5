namespace Bot.Core.Messaging;

/// <summary>A button. <see cref="Id"/> is short ASCII (Telegram callback data is at most 64 bytes).</summary>
public sealed record ReplyChoice(string Id, string Label);
