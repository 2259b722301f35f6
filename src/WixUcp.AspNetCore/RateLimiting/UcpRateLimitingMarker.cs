namespace WixUcp.AspNetCore.RateLimiting;

/// <summary>Registered by <c>AddUcpRateLimiting()</c>, so <c>MapWixUcp()</c> can tell it was called.</summary>
internal sealed class UcpRateLimitingMarker;
