using System.Text;
using Bot.Core.Messaging;

namespace Bot.Adapters.Terminal;

/// <summary>
/// Prints replies; buttons become numbered choices that can be answered by number or by label. A file (chart,
/// export) is written by <see cref="TerminalFiles"/> and its path is printed.
/// </summary>
public sealed class TerminalChatPlatform(TerminalSession session, TerminalFiles files) : IChatPlatform
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
            var path = await files.SaveAsync(message.Chat, attachment, idempotencyKey, cancellationToken);
            text += $"{Environment.NewLine}bot> [file] {path}";
        }

        await session.Output.WriteLineAsync(text.AsMemory(), cancellationToken);
        await session.Output.FlushAsync(cancellationToken);
        return SendResult.Sent;
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
