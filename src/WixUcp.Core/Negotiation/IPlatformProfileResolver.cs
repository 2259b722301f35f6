namespace WixUcp.Negotiation;

/// <summary>Fetches (or recalls) a platform profile. Failures surface as <see cref="NegotiationException"/>.</summary>
public interface IPlatformProfileResolver
{
    ValueTask<PlatformProfile> ResolveAsync(Uri profileUrl, CancellationToken cancellationToken);
}
