using System.Text.Json;
using WixUcp.Commerce;
using WixUcp.Operations;
using WixUcp.Protocol;
using WixUcp.Signatures;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260825;

internal sealed partial class Codec20260825
{
    public override byte[] WriteProfile(UcpServiceEndpoints endpoints, IReadOnlyList<CapabilityDefinition> capabilities, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> supportedVersions, IReadOnlyList<PublicSigningKey> signingKeys)
    {
        var keys = SharedWire.Keys(signingKeys);
        var dto = new ProfileDto
        {
            Ucp = Wire.ProfileMeta(SpecBase, endpoints, capabilities, handlers, supportedVersions),
            Keys = keys,
            SigningKeys = supportedVersions.ContainsKey(UcpVersions.V20260408) ? keys : null,
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.ProfileDto);
    }
}
