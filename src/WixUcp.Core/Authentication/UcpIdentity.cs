using System.Security.Claims;

namespace WixUcp.Authentication;

/// <summary>Who a verified credential speaks for: a platform, what it may do and which profiles it may present.</summary>
public sealed record UcpIdentity
{
    /// <summary>The platform's id.</summary>
    public required string PlatformId { get; init; }

    /// <summary>Its permissions (see <see cref="UcpPermissions"/>).</summary>
    public required IReadOnlyList<string> Permissions { get; init; }

    /// <summary>The profile URLs it may name in <c>UCP-Agent</c>; <c>*</c> stands for any (development keys only).</summary>
    public required IReadOnlyList<string> Profiles { get; init; }

    /// <summary>The store (tenant) the credential is bound to; null for the default store.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The principal for this identity, with <see cref="UcpClaimTypes"/> claims.</summary>
    /// <param name="authenticationType">The scheme that verified it, for example <c>ApiKey</c>.</param>
    /// <returns>An authenticated principal.</returns>
    public ClaimsPrincipal ToPrincipal(string authenticationType)
    {
        var claims = new List<Claim> { new(UcpClaimTypes.Platform, PlatformId), new(ClaimTypes.NameIdentifier, PlatformId) };
        claims.AddRange(Permissions.Select(p => new Claim(UcpClaimTypes.Permission, p)));
        claims.AddRange(Profiles.Select(p => new Claim(UcpClaimTypes.Profile, p)));
        if (InstanceId is { Length: > 0 } instance)
        {
            claims.Add(new Claim(UcpClaimTypes.Instance, instance));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, UcpClaimTypes.Platform, null));
    }

    /// <summary>Whether an authenticated principal may present a profile (UCP's identity binding).</summary>
    /// <param name="principal">The caller.</param>
    /// <param name="profile">The profile named in <c>UCP-Agent</c>.</param>
    /// <returns>True when one of its profile claims is that URL, or <c>*</c>.</returns>
    public static bool MayPresent(ClaimsPrincipal principal, Uri profile)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(profile);
        return principal.FindAll(UcpClaimTypes.Profile).Any(c =>
            c.Value == "*" || (Uri.TryCreate(c.Value, UriKind.Absolute, out var allowed) && Uri.Compare(allowed, profile, UriComponents.AbsoluteUri, UriFormat.UriEscaped, StringComparison.Ordinal) == 0));
    }
}
