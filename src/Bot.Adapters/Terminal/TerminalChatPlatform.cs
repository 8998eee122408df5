using System.Text;
using Bot.Adapters.Persistence;
using Bot.Core.Messaging;

namespace Bot.Adapters.Terminal;

/// <summary>
/// Prints replies; buttons become numbered choices that can be answered by number or by label. A file (chart,
/// export) is written into the data directory, readable only by its owner, and its path is printed.
/// </summary>
public sealed class TerminalChatPlatform(TerminalSession session, StoreSettings store) : IChatPlatform
{
    public Platform Platform => Platform.Terminal;

    public async Task<SendResult> SendAsync(OutboundMessage message, string idempotencyKey, CancellationToken cancellationToken)
    {
        if (message.Chat != session.Chat)
        {
            // Someone else's message (another local user in the same store): this terminal cannot deliver it.
            return SendResult.Later(TimeSpan.FromMinutes(5), "not this terminal's person");
        }

        var text = Render(message);
        if (message.Attachment is { } attachment)
        {
            var path = await SaveAsync(attachment, idempotencyKey, cancellationToken);
            text += $"{Environment.NewLine}bot> [file] {path}";
        }

        await session.Output.WriteLineAsync(text.AsMemory(), cancellationToken);
        await session.Output.FlushAsync(cancellationToken);
        return SendResult.Sent;
    }

    private async Task<string> SaveAsync(OutboundAttachment attachment, string idempotencyKey, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(Path.Combine(store.DataDirectory ?? Path.GetTempPath(), "files"));
        Directory.CreateDirectory(directory);
        var safeKey = new string(idempotencyKey.Where(char.IsLetterOrDigit).ToArray());
        var name = $"{Path.GetFileNameWithoutExtension(attachment.FileName)}-{safeKey[..Math.Min(8, safeKey.Length)]}{Path.GetExtension(attachment.FileName)}";
        var path = Path.Combine(directory, Path.GetFileName(name));
        await File.WriteAllBytesAsync(path, attachment.Content, cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    public static string Render(OutboundMessage message)
    {
        var text = new StringBuilder();
        foreach (var line in message.Text.Split('\n'))
        {
            text.Append("bot> ").AppendLine(line);
        }

        if (message.Choices.Count > 0)
        {
            text.Append("     ");
            for (var i = 0; i < message.Choices.Count; i++)
            {
                text.Append($"[{i + 1}] {message.Choices[i].Label}  ");
            }

            text.AppendLine();
        }

        return text.ToString().TrimEnd('\n', '\r', ' ');
    }
}
