namespace WixUcp.Sandbox;

internal sealed record SandboxProduct(string Id, string Title, long Price, string? ImageUrl, string? Description, IReadOnlyList<string> Categories);
