using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

/// <summary>The UCP 2026-04-08 wire format: its checkout and profile documents; those it shares with 2026-08-25 come from <see cref="SharedWireCodec"/>.</summary>
internal sealed partial class Codec20260408 : SharedWireCodec
{
    private const string SpecBase = "https://ucp.dev/2026-04-08/";
    private static readonly WireJsonContext Json = new(RelaxedOptions);

    public Codec20260408()
        : base(UcpVersions.V20260408, new Dictionary<string, RequestSchema>(StringComparer.Ordinal)
        {
            [RequestSchemaNames.CreateCheckout] = SharedWire.Schema(UcpVersions.V20260408, RequestSchemaNames.CreateCheckout, Json.CheckoutRequestDto, RequestOperation.Create),
            [RequestSchemaNames.UpdateCheckout] = SharedWire.Schema(UcpVersions.V20260408, RequestSchemaNames.UpdateCheckout, Json.CheckoutRequestDto, RequestOperation.Update),
            [RequestSchemaNames.CompleteCheckout] = SharedWire.Schema(UcpVersions.V20260408, RequestSchemaNames.CompleteCheckout, Json.CheckoutRequestDto, RequestOperation.Complete),
        })
    {
    }
}
