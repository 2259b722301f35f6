using WixUcp.Authentication;

namespace WixUcp.AspNetCore.Authentication;

/// <summary>Carries a refusal's UCP code and status from authentication to the challenge that answers it.</summary>
internal sealed class UcpAuthenticationFailure(UcpAuthResult result) : Exception(result.Failure ?? "The credential is not valid.")
{
    public UcpAuthResult Result { get; } = result;
}
