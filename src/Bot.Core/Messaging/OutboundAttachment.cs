namespace Bot.Core.Messaging;

/// <summary>A file sent with a message: a chart (image/png) or an export (application/json, text/csv).</summary>
public sealed record OutboundAttachment(string FileName, string ContentType, byte[] Content)
{
    public bool IsImage => ContentType.StartsWith("image/", StringComparison.Ordinal);
}
