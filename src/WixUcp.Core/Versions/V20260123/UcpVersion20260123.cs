using WixUcp.Messages;
using WixUcp.Operations;
using WixUcp.Protocol;

namespace WixUcp.Versions.V20260123;

/// <summary>
/// UCP 2026-01-23 (whose documents still say 2026-01-11 inside): checkout and order webhooks only, answered to platforms
/// declaring 2026-01-11 or 2026-01-23. No resource is an HTTP error here (404 for an unknown checkout, 400 otherwise),
/// not April's 200 error response, and <c>version_unsupported</c> is 400.
/// </summary>
internal sealed class UcpVersion20260123 : UcpProtocolVersion
{
    public override string Version => UcpVersions.V20260123;

    public override IReadOnlyList<string> AnswersPlatformVersions { get; } = [UcpVersions.V20260123, "2026-01-11"];

    public override int VersionUnsupportedStatus => 400;

    public override IUcpCodec Codec { get; } = new Codec20260123();

    public override IReadOnlyList<CapabilityDefinition> Capabilities { get; } =
    [
        new(UcpCapabilities.Checkout, UcpVersions.V20260123, [], "specification/checkout", "schemas/shopping/checkout.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Fulfillment, UcpVersions.V20260123, [UcpCapabilities.Checkout], "specification/fulfillment", "schemas/shopping/fulfillment.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Discount, UcpVersions.V20260123, [UcpCapabilities.Checkout], "specification/discount", "schemas/shopping/discount.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.BuyerConsent, UcpVersions.V20260123, [UcpCapabilities.Checkout], "specification/buyer-consent", "schemas/shopping/buyer_consent.json", CapabilityFamilies.Checkout),
        new(UcpCapabilities.Order, UcpVersions.V20260123, [], "specification/order", "schemas/shopping/order.json", CapabilityFamilies.Order),
    ];

    public override UcpOutcome NoResource(IReadOnlyList<UcpMessage> messages, Uri? continueUrl)
    {
        var first = messages.Count > 0 ? messages[0] : UcpMessage.Error(MessageCodes.NotFound, "Not found.", MessageSeverity.Unrecoverable);
        var code = first.Code ?? MessageCodes.NotFound;
        return UcpOutcome.ProtocolError(code == MessageCodes.NotFound ? 404 : 400, code, first.Content, continueUrl: continueUrl);
    }
}
