using WixUcp.Messages;

namespace WixUcp.Checkout;

/// <summary>The outcome of a checkout operation.</summary>
internal sealed record CheckoutResult
{
    public required CheckoutResultKind Kind { get; init; }
    public CheckoutSession? Session { get; init; }
    public IReadOnlyList<UcpMessage> Messages { get; init; } = [];

    /// <summary>For <see cref="CheckoutResultKind.Conflict"/>: a machine-readable code.</summary>
    public string? Code { get; init; }

    public static CheckoutResult Ok(CheckoutSession session) => new() { Kind = CheckoutResultKind.Ok, Session = session };

    public static CheckoutResult Created(CheckoutSession session) => new() { Kind = CheckoutResultKind.Created, Session = session };

    public static CheckoutResult Rejected(IReadOnlyList<UcpMessage> messages) => new() { Kind = CheckoutResultKind.Rejected, Messages = messages };

    public static CheckoutResult NotFound(string id) =>
        Rejected([UcpMessage.Error(MessageCodes.NotFound, $"Checkout session {id} was not found.", MessageSeverity.Unrecoverable)]);

    public static CheckoutResult Frozen(CheckoutSession session) => new()
    {
        Kind = CheckoutResultKind.Frozen,
        Session = session,
        Code = CompletingCode,
        Messages = [UcpMessage.Error(CompletingCode, "The checkout is being completed and was not changed; read it again shortly.", MessageSeverity.Recoverable)],
    };

    public const string CompletingCode = "checkout_completing";

    public static CheckoutResult Conflict(string code, string content) =>
        new() { Kind = CheckoutResultKind.Conflict, Code = code, Messages = [UcpMessage.Error(code, content, MessageSeverity.Unrecoverable)] };
}
