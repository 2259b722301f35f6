using WixUcp.Messages;

namespace WixUcp.Carts;

/// <summary>The outcome of a cart operation: the cart (created or as it is), or messages saying why there is none.</summary>
internal sealed record CartResult(Cart? Cart, bool Created, IReadOnlyList<UcpMessage> Messages)
{
    public static CartResult NotFound(string id) =>
        new(null, false, [UcpMessage.Error(MessageCodes.NotFound, $"Cart {id} was not found.", MessageSeverity.Unrecoverable)]);
}
