namespace WixUcp.Authentication;

/// <summary>The claims an authenticated platform's principal carries, whatever the credential was.</summary>
public static class UcpClaimTypes
{
    /// <summary>The platform's id (an API key's platform, a token's <c>sub</c>).</summary>
    public const string Platform = "ucp_platform";

    /// <summary>One permission (see <see cref="UcpPermissions"/>); one claim each.</summary>
    public const string Permission = "ucp_permission";

    /// <summary>A platform profile URL the platform may name in <c>UCP-Agent</c>; one claim each, <c>*</c> for any.</summary>
    public const string Profile = "ucp_profile";

    /// <summary>The store (tenant) a credential is bound to, when it is bound to one.</summary>
    public const string Instance = "ucp_instance";
}
