namespace WixUcp.Orders;

/// <summary>Where a post-order adjustment stands.</summary>
public enum AdjustmentStatus
{
    /// <summary>Started, not settled.</summary>
    Pending,

    /// <summary>Done (money moved, goods returned).</summary>
    Completed,

    /// <summary>Did not go through.</summary>
    Failed,
}
