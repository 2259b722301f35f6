namespace WixUcp.Sandbox;

/// <summary>A discount code: <c>percentage</c> (value in percent) or <c>fixed_amount</c> (value in minor units).</summary>
internal sealed record SandboxDiscount(string Code, string Type, long Value, string Description);
