namespace WixUcp.Redis.Stores;

/// <summary>What one reservation script answered: the client's counters after it, and how many permits it granted.</summary>
/// <param name="Current">Permits counted in the current window, this reservation's included.</param>
/// <param name="Previous">Permits counted in the previous window.</param>
/// <param name="Elapsed">Milliseconds since the current window started, by Redis's clock.</param>
/// <param name="Granted">Permits reserved for the caller; 0 when the budget had no room.</param>
internal readonly record struct PermitGrant(long Current, long Previous, long Elapsed, int Granted);
