using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WixUcp.Authentication;

/// <summary>
/// Hashes API keys with HMAC-SHA256 under the server pepper. Keys carry 256 random bits, so a keyed fast hash is right:
/// a password KDF would only slow every request, and without the pepper a leaked table cannot even be tested against.
/// Keying an HMAC costs about as much as hashing the key, so each thread keeps one context keyed with the pepper
/// (GetHashAndReset returns it to the keyed state); Hash never awaits, so a context is never shared mid-use.
/// </summary>
internal sealed class ApiKeyHasher : IDisposable
{
    private readonly ThreadLocal<IncrementalHash> _keyed;

    public ApiKeyHasher(IOptions<WixUcpOptions> options)
    {
        var pepper = options.Value.Auth.ApiKeyPepper is { Length: > 0 } configured
            ? Encoding.UTF8.GetBytes(configured)
            : RandomNumberGenerator.GetBytes(32);
        _keyed = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, pepper), trackAllValues: true);
    }

    public byte[] Hash(string key)
    {
        Span<byte> utf8 = stackalloc byte[ApiKeyFormat.MaxLength * 4];
        var length = Encoding.UTF8.GetBytes(key, utf8);
        var hmac = _keyed.Value!;
        hmac.AppendData(utf8[..length]);
        return hmac.GetHashAndReset();
    }

    public void Dispose()
    {
        foreach (var hmac in _keyed.Values)
        {
            hmac.Dispose();
        }

        _keyed.Dispose();
    }
}
