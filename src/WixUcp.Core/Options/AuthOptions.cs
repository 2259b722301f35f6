namespace WixUcp;

/// <summary>How platforms authenticate (<c>WixUcp:Auth</c>).</summary>
public sealed class AuthOptions
{
    /// <summary>
    /// Whether shopping operations require a credential (default true). When false every call is anonymous and the
    /// host should say so loudly: only for a closed network or a demonstration.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The server secret API keys are hashed with (HMAC-SHA256), at least 32 bytes once UTF-8 encoded. Required outside
    /// Development; in Development a random one is made for the process, so keys issued then do not outlive it.
    /// Changing it invalidates every issued key.
    /// </summary>
    public string? ApiKeyPepper { get; set; }

    /// <summary>
    /// How long a replica trusts an API key it has verified before reading it again (<c>WixUcp:Auth:ApiKeyCacheDuration</c>,
    /// default 5 s; zero reads the store on every call). A revocation reaches every replica within it; in exchange the
    /// store is read once per key and window instead of once per request.
    /// </summary>
    public TimeSpan ApiKeyCacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>JWT bearer tokens, when <c>AddUcpJwtBearer()</c> is called.</summary>
    public JwtOptions Jwt { get; } = new();

    /// <summary>RFC 9421 request signatures.</summary>
    public SignatureAuthOptions Signatures { get; } = new();
}
