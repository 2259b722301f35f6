using WixUcp.Negotiation;
using WixUcp.Tenancy;
using WixUcp.Versions;

namespace WixUcp.Operations;

/// <summary>A call after tenant resolution and negotiation: who it is for, which version answers, what is active.</summary>
internal sealed record OperationContext(UcpCall Call, UcpTenant Tenant, NegotiationResult Negotiation, UcpProtocolVersion Version)
{
    public IUcpCodec Codec => Version.Codec;
}
