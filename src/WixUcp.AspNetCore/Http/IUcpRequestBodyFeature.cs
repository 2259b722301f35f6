namespace WixUcp.AspNetCore.Http;

/// <summary>
/// The request body of a UCP call, read once and bounded by <c>WixUcp:MaxRequestBytes</c>. Everything that needs the
/// body (signature verification, idempotency fingerprints, the operation) shares these bytes instead of re-reading the stream.
/// </summary>
public interface IUcpRequestBodyFeature
{
    /// <summary>Reads the body on first use; later calls return the same bytes.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The body bytes.</returns>
    /// <exception cref="RequestTooLargeException">The body is larger than the configured limit.</exception>
    ValueTask<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken);
}
