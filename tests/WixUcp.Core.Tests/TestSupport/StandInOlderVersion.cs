using WixUcp.Protocol;
using WixUcp.Versions;
using WixUcp.Versions.V20260408;

namespace WixUcp.Core.Tests.TestSupport;

/// <summary>A stand-in older protocol version offering checkout alone, reusing the current codec: one more registration.</summary>
internal sealed class StandInOlderVersion : UcpProtocolVersion
{
    public const string Name = "2026-01-23";

    public override string Version => Name;

    public override IUcpCodec Codec { get; } = new UcpVersion20260408().Codec;

    public override IReadOnlyList<CapabilityDefinition> Capabilities { get; } =
        [new(UcpCapabilities.Checkout, Name, [], "specification/checkout", "schemas/shopping/checkout.json", CapabilityFamilies.Checkout)];
}
