using WixUcp.Protocol;
using WixUcp.Versions.Shared;

namespace WixUcp.Versions.V20260408;

/// <summary>
/// The UCP 2026-04-08 wire format: its checkout and profile documents; those it shares with 2026-08-25 come from
/// <see cref="SharedWireCodec"/>. 2026-01-23 shapes checkouts the same way and derives from it with its own rules.
/// </summary>
internal partial class Codec20260408 : SharedWireCodec
{
    private static readonly WireJsonContext Json = new(RelaxedOptions);

    public Codec20260408()
        : this(UcpVersions.V20260408, "https://ucp.dev/2026-04-08/", WireRules.Signed)
    {
    }

    /// <param name="version">The version stamped on documents.</param>
    /// <param name="specBase">Where the version's documentation and schema URLs start.</param>
    /// <param name="rules">How the version writes the shared documents.</param>
    protected Codec20260408(string version, string specBase, WireRules rules)
        : base(version, new Dictionary<string, RequestSchema>(StringComparer.Ordinal)
        {
            [RequestSchemaNames.CreateCheckout] = SharedWire.Schema(version, RequestSchemaNames.CreateCheckout, Json.CheckoutRequestDtoBuyerDtoPostalAddressDto, RequestOperation.Create),
            [RequestSchemaNames.UpdateCheckout] = SharedWire.Schema(version, RequestSchemaNames.UpdateCheckout, Json.CheckoutRequestDtoBuyerDtoPostalAddressDto, RequestOperation.Update),
            [RequestSchemaNames.CompleteCheckout] = SharedWire.Schema(version, RequestSchemaNames.CompleteCheckout, Json.CheckoutRequestDtoBuyerDtoPostalAddressDto, RequestOperation.Complete),
            [RequestSchemaNames.CreateCart] = SharedWire.Schema(version, RequestSchemaNames.CreateCart, Json.CartRequestDtoBuyerDto, RequestOperation.Create),
            [RequestSchemaNames.UpdateCart] = SharedWire.Schema(version, RequestSchemaNames.UpdateCart, Json.CartRequestDtoBuyerDto, RequestOperation.Update),
        }, rules)
    {
        SpecBase = specBase;
    }

    private string SpecBase { get; }
}
