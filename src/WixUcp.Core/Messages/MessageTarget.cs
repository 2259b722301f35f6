namespace WixUcp.Messages;

/// <summary>
/// Where a message points, in protocol-neutral terms. The negotiated version's codec renders it as a JSONPath, so the
/// domain never holds one version's wire shape.
/// </summary>
public sealed record MessageTarget
{
    /// <summary>What is pointed at.</summary>
    public required MessageTargetKind Kind { get; init; }

    /// <summary>The position of the line item, destination, group, discount code or instrument, when the kind has one.</summary>
    public int Index { get; init; }

    /// <summary>The position of the fulfillment method, for fulfillment targets.</summary>
    public int Method { get; init; }

    /// <summary>The whole document.</summary>
    public static MessageTarget Document { get; } = new() { Kind = MessageTargetKind.Document };

    /// <summary>A target with no position.</summary>
    /// <param name="kind">What is pointed at.</param>
    /// <returns>The target.</returns>
    public static MessageTarget Of(MessageTargetKind kind) => new() { Kind = kind };

    /// <summary>A target at a position (line item, discount code, instrument).</summary>
    /// <param name="kind">What is pointed at.</param>
    /// <param name="index">The zero-based position.</param>
    /// <returns>The target.</returns>
    public static MessageTarget At(MessageTargetKind kind, int index) => new() { Kind = kind, Index = index };

    /// <summary>A target inside a fulfillment method.</summary>
    /// <param name="kind">What is pointed at.</param>
    /// <param name="method">The zero-based position of the method.</param>
    /// <param name="index">The zero-based position of the destination or group, when the kind has one.</param>
    /// <returns>The target.</returns>
    public static MessageTarget InMethod(MessageTargetKind kind, int method, int index = 0) => new() { Kind = kind, Method = method, Index = index };
}
