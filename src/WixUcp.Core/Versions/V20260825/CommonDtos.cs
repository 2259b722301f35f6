using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260825;

// The buyer and profile shapes of UCP 2026-08-25 (the shared ones are in Versions/Shared). Property names become snake_case.
#pragma warning disable CA1002, CA2227 // wire DTOs: mutable lists keep source-generated serialization simple

internal sealed class BuyerDto
{
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }

    /// <summary>Reverse-DNS purpose → decision (2026-08-25 replaced April's four booleans with this map).</summary>
    public Dictionary<string, ConsentPurposeDto>? Consent { get; set; }
}

internal sealed class ConsentPurposeDto
{
    public bool Granted { get; set; }
    public string Source { get; set; } = "";
    public string Description { get; set; } = "";
}

internal sealed class ProfileDto
{
    public UcpMetaDto Ucp { get; set; } = new();

    /// <summary>The business's public keys (a JWK Set): where every 2026-08-25 verifier reads them.</summary>
    public List<SigningKeyDto> Keys { get; set; } = [];

    /// <summary>
    /// The same keys under April's name while 2026-04-08 is served: a 2026-04-08 platform verifies webhooks against
    /// <c>/.well-known/ucp</c>, now this profile, and looks for <c>signing_keys</c> (the gap ucp#829 leaves open).
    /// </summary>
    public List<SigningKeyDto>? SigningKeys { get; set; }
}
