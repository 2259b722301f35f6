using WixUcp.Checkout;
using WixUcp.Idempotency;

namespace WixUcp.Storage.Tests.Contracts;

public sealed class InMemoryCheckoutSessionStoreContract : CheckoutSessionStoreContract
{
    protected override ICheckoutSessionStore Store { get; } = new InMemoryCheckoutSessionStore(TimeProvider.System);
}

public sealed class InMemoryIdempotencyStoreContract : IdempotencyStoreContract
{
    protected override IIdempotencyStore Store { get; } = new InMemoryIdempotencyStore(TimeProvider.System);
}
