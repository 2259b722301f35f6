namespace WixUcp;

/// <summary>JWT bearer tokens as platform credentials (<c>WixUcp:Auth:Jwt</c>), switched on by <c>AddUcpJwtBearer()</c>.</summary>
public sealed class JwtOptions
{
    /// <summary>The required <c>iss</c> (<c>UCP_JWT_ISSUER</c>).</summary>
    public string? Issuer { get; set; }

    /// <summary>The required <c>aud</c> (<c>UCP_JWT_AUDIENCE</c>).</summary>
    public string? Audience { get; set; }

    /// <summary>The HS256 secret (<c>UCP_JWT_SECRET</c>), at least 32 bytes; set this or <see cref="JwksUrl"/>, not both.</summary>
    public string? Secret { get; set; }

    /// <summary>Where the issuer publishes its RS256/ES256 public keys (<c>UCP_JWT_JWKS_URL</c>), https.</summary>
    public Uri? JwksUrl { get; set; }

    /// <summary>How long fetched keys are used before they are fetched again (an unknown <c>kid</c> refreshes sooner, at most every minute).</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Tolerated clock difference for <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
