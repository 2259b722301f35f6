using WixUcp.Commerce;

namespace WixUcp.Sandbox;

internal sealed record SandboxCustomer(string Id, string Name, string Email, IReadOnlyList<SavedAddress> Addresses);
