using System.Text.Json;
using WixUcp.Commerce;
using WixUcp.Operations;
using WixUcp.Signatures;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

internal partial class Codec20260408
{
    public override byte[] WriteProfile(UcpServiceEndpoints endpoints, IReadOnlyList<CapabilityDefinition> capabilities, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> supportedVersions, IReadOnlyList<PublicSigningKey> signingKeys)
    {
        var dto = new ProfileDto
        {
            Ucp = Wire.ProfileMeta(SpecBase, endpoints, capabilities, handlers, supportedVersions),
            SigningKeys = SharedWire.Keys(signingKeys),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.ProfileDto);
    }
}
