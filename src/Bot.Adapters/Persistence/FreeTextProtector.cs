using System.Security.Cryptography;
using System.Text;

namespace Bot.Adapters.Persistence;

/// <summary>
/// Encrypts personal free text with AES-GCM. Layout: [key id length][key id][12-byte nonce][16-byte tag][cipher].
/// Keys rotate by putting a new key first: old rows stay readable with the keys after it.
/// </summary>
public sealed class FreeTextProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly IReadOnlyList<(string Id, byte[] Key)> _keys;

    public FreeTextProtector(IReadOnlyList<(string Id, byte[] Key)> keys)
    {
        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one encryption key is needed.", nameof(keys));
        }

        _keys = keys;
    }

    /// <summary>Parses "id:base64,id2:base64"; a malformed value fails with a message that names the setting.</summary>
    public static FreeTextProtector Parse(string keyRing, string settingName)
    {
        var keys = new List<(string, byte[])>();
        foreach (var part in keyRing.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            byte[]? key = null;
            if (colon > 0 && colon < 32)
            {
                try
                {
                    key = Convert.FromBase64String(part[(colon + 1)..]);
                }
                catch (FormatException)
                {
                    key = null;
                }
            }

            if (key is not { Length: 32 })
            {
                throw new FormatException($"{settingName} must be a list of 'id:base64' entries with 32-byte keys.");
            }

            keys.Add((part[..colon], key));
        }

        if (keys.Count == 0)
        {
            throw new FormatException($"{settingName} is empty.");
        }

        return new FreeTextProtector(keys);
    }

    public static string NewKeyRing(string id) => $"{id}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";

    public byte[]? Protect(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var (id, key) = _keys[0];
        var idBytes = Encoding.ASCII.GetBytes(id);
        var plain = Encoding.UTF8.GetBytes(text);
        var output = new byte[1 + idBytes.Length + NonceSize + TagSize + plain.Length];
        output[0] = (byte)idBytes.Length;
        idBytes.CopyTo(output, 1);
        var nonce = output.AsSpan(1 + idBytes.Length, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        var tag = output.AsSpan(1 + idBytes.Length + NonceSize, TagSize);
        var cipher = output.AsSpan(1 + idBytes.Length + NonceSize + TagSize);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, cipher, tag);
        return output;
    }

    public string? Unprotect(byte[]? data)
    {
        if (data is null)
        {
            return null;
        }

        var idLength = data[0];
        var id = KeyIdOf(data);
        var key = _keys.FirstOrDefault(k => k.Id == id).Key
            ?? throw new CryptographicException($"No encryption key with id '{id}' is configured.");
        var offset = 1 + idLength;
        var nonce = data.AsSpan(offset, NonceSize);
        var tag = data.AsSpan(offset + NonceSize, TagSize);
        var cipher = data.AsSpan(offset + NonceSize + TagSize);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>The id of the key a value was encrypted with (not secret: it only says which key of the ring to use).</summary>
    public static string KeyIdOf(byte[] data) => Encoding.ASCII.GetString(data, 1, data[0]);
}
