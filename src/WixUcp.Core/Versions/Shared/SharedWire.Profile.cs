using System.Text.Json.Nodes;
using WixUcp.Commerce;
using WixUcp.Operations;
using WixUcp.Protocol;
using WixUcp.Signatures;

namespace WixUcp.Versions.Shared;

// The profile's ucp block as 2026-04-08 and 2026-08-25 both shape it; where the keys go is each version's own.
internal sealed partial class SharedWire
{
    // specBase: the version's documentation and schema root (https://ucp.dev/{version}/).
    public UcpMetaDto ProfileMeta(string specBase, UcpServiceEndpoints endpoints, IReadOnlyList<CapabilityDefinition> capabilities, IReadOnlyList<PaymentHandlerDescriptor> handlers, IReadOnlyDictionary<string, Uri> supportedVersions)
    {
        var services = new List<ServiceDto>
        {
            new()
            {
                Version = Version,
                Transport = "rest",
                Endpoint = endpoints.Rest.AbsoluteUri.TrimEnd('/'),
                Spec = specBase + "specification/overview",
                Schema = specBase + "services/shopping/rest.openapi.json",
            },
        };
        if (endpoints.Mcp is { } mcp)
        {
            services.Add(new ServiceDto
            {
                Version = Version,
                Transport = "mcp",
                Endpoint = mcp.AbsoluteUri,
                Spec = specBase + "specification/overview",
                Schema = specBase + "services/shopping/mcp.openrpc.json",
            });
        }

        return new UcpMetaDto
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
                        Spec = specBase + c.SpecPath,
                        Schema = specBase + c.SchemaPath,
                        Extends = c.Extends.Count switch
                        {
                            0 => null,
                            1 => JsonValue.Create(c.Extends[0]),
                            _ => new JsonArray([.. c.Extends.Select(e => (JsonNode?)JsonValue.Create(e))]),
                        },
                    },
                },
                StringComparer.Ordinal),
            PaymentHandlers = Handlers(handlers),
        };
    }

    public static List<SigningKeyDto> Keys(IReadOnlyList<PublicSigningKey> signingKeys) =>
        signingKeys.Select(k => new SigningKeyDto { Kid = k.KeyId, X = k.X, Y = k.Y }).ToList();
}
