using System.Buffers.Text;
using System.Security.Cryptography;

namespace WixUcp.Signatures;

/// <summary>A published P-256 public key (a JWK in the profile's <c>signing_keys</c>).</summary>
public sealed record PublicSigningKey
{
    /// <summary>The key id: the RFC 7638 JWK thumbprint, stable for the key.</summary>
    public required string KeyId { get; init; }

    /// <summary>The x coordinate, base64url.</summary>
    public required string X { get; init; }

    /// <summary>The y coordinate, base64url.</summary>
    public required string Y { get; init; }

    /// <summary>The key for verification; throws <see cref="CryptographicException"/> when the point is not on P-256.</summary>
    internal ECDsa ToECDsa() => ECDsa.Create(new ECParameters
    {
        Curve = ECCurve.NamedCurves.nistP256,
        Q = new ECPoint { X = Base64Url.DecodeFromChars(X), Y = Base64Url.DecodeFromChars(Y) },
    });
}
