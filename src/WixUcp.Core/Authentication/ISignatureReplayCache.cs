namespace WixUcp.Authentication;

/// <summary>
/// Remembers the request signatures already accepted, so a captured signed request cannot be replayed within its
/// validity window: in memory by default, in Redis (shared by every replica) with <c>AddRedis()</c>.
/// </summary>
public interface ISignatureReplayCache
{
    /// <summary>Records a signature unless it was seen.</summary>
    /// <param name="signature">The signature's identity (label and value).</param>
    /// <param name="window">How long to remember it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>True on the first sighting; false for a replay.</returns>
    ValueTask<bool> TryRecordAsync(string signature, TimeSpan window, CancellationToken cancellationToken);
}
