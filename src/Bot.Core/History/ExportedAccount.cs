namespace Bot.Core.History;

public sealed record ExportedAccount(string Platform, string UserId, string ChatId, DateTimeOffset LinkedAt);
