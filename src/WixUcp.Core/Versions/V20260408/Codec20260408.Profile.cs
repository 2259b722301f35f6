using System.Text.Json;
using WixUcp.Commerce;
using WixUcp.Signatures;
using WixUcp.Operations;
using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

internal sealed partial class Codec20260408
{
    public override byte[] WriteProfile(UcpServiceEndpoints endpoints, IReadOnlyList<CapabilityDefinition> capabilities, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> supportedVersions, IReadOnlyList<PublicSigningKey> signingKeys)
    {
        var services = new List<ServiceDto>
        {
            new()
            {
                Version = Version,
                Transport = "rest",
                Endpoint = endpoints.Rest.AbsoluteUri.TrimEnd('/'),
                Spec = SpecBase + "specification/overview",
                Schema = SpecBase + "services/shopping/rest.openapi.json",
            },
        };
        if (endpoints.Mcp is { } mcp)
        {
            services.Add(new ServiceDto
            {
                Version = Version,
                Transport = "mcp",
                Endpoint = mcp.AbsoluteUri,
                Spec = SpecBase + "specification/overview",
                Schema = SpecBase + "services/shopping/mcp.openrpc.json",
            });
        }

        var dto = new ProfileDto
        {
            Ucp = new UcpMetaDto
            {
                Version = Version,
                SupportedVersions = supportedVersions.Count == 0
                    ? null
                    : supportedVersions.ToDictionary(v => v.Key, v => v.Value.AbsoluteUri, StringComparer.Ordinal),
                Services = new Dictionary<string, List<ServiceDto>>(StringComparer.Ordinal)
                {
                    [UcpCapabilities.ShoppingService] = services,
                },
                Capabilities = capabilities.ToDictionary(
                    c => c.Name,
                    c => new List<CapabilityDto>
                    {
                        new()
                        {
                            Version = c.Version,
                            Spec = SpecBase + c.SpecPath,
                            Schema = SpecBase + c.SchemaPath,
                            Extends = c.Extends.Count == 0 ? null : c.Extends[0],
                        },
                    },
                    StringComparer.Ordinal),
                PaymentHandlers = Wire.Handlers(handlers),
            },
            SigningKeys = signingKeys.Select(k => new SigningKeyDto { Kid = k.KeyId, X = k.X, Y = k.Y }).ToList(),
        };
        return JsonSerializer.SerializeToUtf8Bytes(dto, Json.ProfileDto);
    }
}
