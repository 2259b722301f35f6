using WixUcp.Messages;

namespace WixUcp.Checkout;

/// <summary>Either the evaluated session, or the messages saying why no session can exist (for example unknown items).</summary>
internal sealed record CheckoutEvaluation(CheckoutSession? Session, IReadOnlyList<UcpMessage>? Rejection);
