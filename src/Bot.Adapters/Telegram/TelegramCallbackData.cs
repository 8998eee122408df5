using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Adapters.Telegram;

/// <summary>
/// Callback data is "v1:{binding}:{choiceId}", at most 64 bytes. The binding is a keyed hash of the chat id, so a
/// button pressed in any other chat (someone else's, forwarded, or forged) does not verify.
/// </summary>
public sealed class TelegramCallbackData
{
    public const int MaxBytes = 64;

    private const string Version = "v1";
    private const int BindingBytes = 6;

    private readonly byte[] _key;

    public TelegramCallbackData(string botToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(botToken);

        // Derived from the token so every replica agrees, and a leaked callback reveals nothing reusable.
        _key = SHA256.HashData(Encoding.UTF8.GetBytes("compassionbot/callback/v1/" + botToken));
    }

    /// <summary>Longest choice id that still fits: 64 bytes minus "v1:", the 8-character binding and ":".</summary>
    public static int MaxChoiceIdBytes => MaxBytes - Version.Length - 1 - Base64Url.GetEncodedLength(BindingBytes) - 1;

    public string Encode(long chatId, string choiceId)
    {
        ArgumentException.ThrowIfNullOrEmpty(choiceId);
        var data = $"{Version}:{Binding(chatId)}:{choiceId}";
        if (Encoding.UTF8.GetByteCount(data) > MaxBytes)
        {
            throw new ArgumentException(
                $"Choice id '{choiceId}' is too long for Telegram callback data (at most {MaxChoiceIdBytes} bytes).",
                nameof(choiceId));
        }

        return data;
    }

    /// <summary>The choice id if <paramref name="data"/> is a current-version button made for <paramref name="chatId"/>.</summary>
    public bool TryDecode(string? data, long chatId, out string choiceId)
    {
        choiceId = "";
        if (data is null)
        {
            return false;
        }

        var parts = data.Split(':', 3);
        if (parts.Length != 3 || parts[0] != Version || parts[2].Length == 0)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Binding(chatId));
        var actual = Encoding.ASCII.GetBytes(parts[1]);
        if (!CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return false;
        }

        choiceId = parts[2];
        return true;
    }

    private string Binding(long chatId)
    {
        Span<byte> hash = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)), hash);
        return Base64Url.EncodeToString(hash[..BindingBytes]);
    }
}
