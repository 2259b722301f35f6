namespace WixUcp;

/// <summary>RFC 9421 request signatures as platform credentials (<c>WixUcp:Auth:Signatures</c>).</summary>
public sealed class SignatureAuthOptions
{
    /// <summary>Whether signed requests authenticate their platform (default true).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How far <c>created</c> may lie in the past (and, by the clock skew, in the future); seen signatures are remembered this long.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The permissions of a platform authenticated by signature alone ("permissionless" onboarding).</summary>
    public IList<string> DefaultPermissions { get; } = ["products:read", "checkout:read", "checkout:write", "orders:read"];

    /// <summary>When not empty, only these profile URLs may authenticate by signature; others get 403 <c>profile_not_trusted</c>.</summary>
    public IList<string> AllowedProfiles { get; } = [];
}
