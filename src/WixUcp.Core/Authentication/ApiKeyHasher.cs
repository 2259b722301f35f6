using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WixUcp.Authentication;

/// <summary>
/// Hashes API keys with HMAC-SHA256 under the server pepper. Keys carry 256 random bits, so a keyed fast hash is right:
/// a password KDF would only slow every request, and without the pepper a leaked table cannot even be tested against.
/// </summary>
internal sealed class ApiKeyHasher(IOptions<WixUcpOptions> options)
{
    private readonly byte[] _pepper = options.Value.Auth.ApiKeyPepper is { Length: > 0 } pepper
        ? Encoding.UTF8.GetBytes(pepper)
        : RandomNumberGenerator.GetBytes(32);

    public byte[] Hash(string key)
    {
        Span<byte> utf8 = stackalloc byte[ApiKeyFormat.MaxLength * 4];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        return HMACSHA256.HashData(_pepper, utf8[..length]);
    }
}
