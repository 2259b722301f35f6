namespace WixUcp.Negotiation;

/// <summary>Fetches (or recalls) a platform profile. Failures surface as <see cref="NegotiationException"/>.</summary>
public interface IPlatformProfileResolver
{
    /// <summary>Returns the profile published at <paramref name="profileUrl"/>.</summary>
    /// <param name="profileUrl">The validated profile URL from <c>UCP-Agent</c>.</param>
    /// <param name="cancellationToken">Cancels the wait (a shared fetch may go on for other callers).</param>
    /// <returns>The parsed profile.</returns>
    ValueTask<PlatformProfile> ResolveAsync(Uri profileUrl, CancellationToken cancellationToken);
}
