using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260825;

/// <summary>The UCP 2026-08-25 wire format: its checkout and profile documents; those it shares with 2026-04-08 come from <see cref="SharedWireCodec"/>.</summary>
internal sealed partial class Codec20260825 : SharedWireCodec
{
    private const string SpecBase = "https://ucp.dev/2026-08-25/";
    private static readonly WireJsonContext20260825 Json = new(RelaxedOptions);

    public Codec20260825()
        : base(UcpVersions.V20260825, new Dictionary<string, RequestSchema>(StringComparer.Ordinal)
        {
            [RequestSchemaNames.CreateCheckout] = SharedWire.Schema(UcpVersions.V20260825, RequestSchemaNames.CreateCheckout, Json.CheckoutRequestDtoBuyerRequestDtoShippingDestinationRequestDto, RequestOperation.Create),
            [RequestSchemaNames.UpdateCheckout] = SharedWire.Schema(UcpVersions.V20260825, RequestSchemaNames.UpdateCheckout, Json.CheckoutRequestDtoBuyerRequestDtoShippingDestinationRequestDto, RequestOperation.Update),
            [RequestSchemaNames.CompleteCheckout] = SharedWire.Schema(UcpVersions.V20260825, RequestSchemaNames.CompleteCheckout, Json.CheckoutRequestDtoBuyerRequestDtoShippingDestinationRequestDto, RequestOperation.Complete),
            [RequestSchemaNames.CreateCart] = SharedWire.Schema(UcpVersions.V20260825, RequestSchemaNames.CreateCart, Json.CartRequestDtoBuyerRequestDto, RequestOperation.Create),
            [RequestSchemaNames.UpdateCart] = SharedWire.Schema(UcpVersions.V20260825, RequestSchemaNames.UpdateCart, Json.CartRequestDtoBuyerRequestDto, RequestOperation.Update),
        })
    {
    }
}
