using System.Security.Cryptography;
using System.Text;
using Bot.Adapters.Persistence;
using Bot.Core.Messaging;

namespace Bot.Adapters.Terminal;

/// <summary>
/// The files the terminal writes (exports, charts), in the data directory's "files" folder, readable only by their owner.
/// A name carries an opaque token per person (a keyed hash of their chat, the key kept in the folder) and the outbox id
/// of its message: unique per person and moment, a redelivery rewrites the same file, and nobody browsing the folder
/// reads who it belongs to. /forget removes every file with the person's token.
/// </summary>
public sealed class TerminalFiles(StoreSettings store) : IChatFiles
{
    private const string KeyFileName = ".token.key";
    private readonly Lock _gate = new();
    private byte[]? _key;

    private string Folder => Path.GetFullPath(Path.Combine(store.DataDirectory ?? Path.GetTempPath(), "files"));

    public async Task<string> SaveAsync(ChatAddress chat, OutboundAttachment attachment, string idempotencyKey, CancellationToken cancellationToken)
    {
        var unique = new string(idempotencyKey.Where(char.IsAsciiLetterOrDigit).ToArray());
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(attachment.FileName));
        var path = Path.Combine(Folder, $"{stem}-{TokenOf(chat)}-{unique}{Path.GetExtension(attachment.FileName)}");
        await File.WriteAllBytesAsync(path, attachment.Content, cancellationToken);
        OwnerOnly(path);
        return path;
    }

    public void Erase(IReadOnlyList<ChatAddress> chats)
    {
        if (!Directory.Exists(Folder))
        {
            return;
        }

        foreach (var chat in chats.Where(c => c.Platform == Platform.Terminal))
        {
            foreach (var path in Directory.EnumerateFiles(Folder, $"*-{TokenOf(chat)}-*"))
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>16 hex characters of HMAC-SHA256 over the chat id.</summary>
    public string TokenOf(ChatAddress chat)
    {
        var hash = HMACSHA256.HashData(Key(), Encoding.UTF8.GetBytes(chat.ChatId));
        return Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }

    private byte[] Key()
    {
        lock (_gate)
        {
            if (_key is not null)
            {
                return _key;
            }

            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, KeyFileName);
            if (!File.Exists(path))
            {
                File.WriteAllBytes(path, RandomNumberGenerator.GetBytes(32));
                OwnerOnly(path);
            }

            _key = File.ReadAllBytes(path);
            return _key;
        }
    }

    private static void OwnerOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
