using System.Buffers.Text;
using System.Security.Cryptography;

namespace WixUcp.Authentication;

/// <summary>The shape of an issued key: a recognisable prefix (so secret scanners can find leaked ones) and 256 random bits.</summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "wixucp_";
    public const int MaxLength = 128;

    public static string NewKey() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string NewKeyId() => "key_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Whether a presented value could be a key at all: bounded, printable ASCII, no spaces.</summary>
    public static bool IsPlausible(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => c is > ' ' and < '\u007f');
}
