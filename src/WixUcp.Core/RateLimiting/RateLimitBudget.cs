namespace WixUcp.RateLimiting;

/// <summary>A budget: at most <paramref name="PermitLimit"/> requests in any sliding <paramref name="Window"/>.</summary>
/// <param name="PermitLimit">Requests allowed per window.</param>
/// <param name="Window">The window's length.</param>
public readonly record struct RateLimitBudget(int PermitLimit, TimeSpan Window);
