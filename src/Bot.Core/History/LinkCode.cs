using System.Security.Cryptography;
using System.Text;

namespace Bot.Core.History;

/// <summary>
/// One-time codes that join two platform accounts. Only a hash is stored, so a database reader cannot redeem one;
/// the alphabet leaves out look-alikes (0/O, 1/I/L) so a code can be typed from a phone.
/// </summary>
public static class LinkCode
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 8;

    public static string New()
    {
        var code = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>Case, spaces and dashes don't matter when someone types the code back.</summary>
    public static string Normalize(string typed) =>
        new(typed.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));
}
