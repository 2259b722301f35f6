namespace WixUcp.Sandbox;

/// <summary>Test payment tokens the sandbox handler understands.</summary>
public static class SandboxTokens
{
    /// <summary>Approved.</summary>
    public const string Success = "success_token";

    /// <summary>Declined by the issuer.</summary>
    public const string Decline = "fail_token";

    /// <summary>Needs a 3-D Secure challenge: the checkout escalates to the buyer, and completes once the buyer has confirmed it.</summary>
    public const string RequiresAction = "3ds_token";
}
