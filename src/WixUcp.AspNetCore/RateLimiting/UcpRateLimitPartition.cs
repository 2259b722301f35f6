namespace WixUcp.AspNetCore.RateLimiting;

/// <summary>The framework's partition key: one budget of one client.</summary>
internal readonly record struct UcpRateLimitPartition(string Policy, string Client);
