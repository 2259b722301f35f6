namespace WixUcp.Negotiation;

/// <summary>Fetches (or recalls) a platform profile. Failures surface as <see cref="NegotiationException"/>.</summary>
public interface IPlatformProfileResolver
{
    /// <summary>Returns the profile published at <paramref name="profileUrl"/>.</summary>
    /// <param name="profileUrl">The validated profile URL from <c>UCP-Agent</c>.</param>
    /// <param name="cancellationToken">Cancels the wait (a shared fetch may go on for other callers).</param>
    /// <returns>The parsed profile.</returns>
    ValueTask<PlatformProfile> ResolveAsync(Uri profileUrl, CancellationToken cancellationToken);

    /// <summary>
    /// Returns the profile fetched anew when a signature names a key the cached one lacks (a rotation), at most once per
    /// minute per origin (UCP), else the cached profile.
    /// </summary>
    /// <param name="profileUrl">The validated profile URL from <c>UCP-Agent</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The parsed profile.</returns>
    ValueTask<PlatformProfile> RefreshAsync(Uri profileUrl, CancellationToken cancellationToken) => ResolveAsync(profileUrl, cancellationToken);
}
