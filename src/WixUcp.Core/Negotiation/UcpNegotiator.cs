using System.Net;
using Microsoft.Extensions.Options;
using WixUcp.Protocol;
using WixUcp.Versions;

namespace WixUcp.Negotiation;

/// <summary>
/// Runs UCP negotiation for a request: reads the <c>UCP-Agent</c> header, resolves the platform profile, checks the
/// protocol version and intersects capabilities (by name, then highest common version; extensions pruned with their parents).
/// </summary>
internal sealed class UcpNegotiator(IPlatformProfileResolver resolver, UcpVersionRegistry versions, IOptions<WixUcpOptions> options)
{
    public async ValueTask<NegotiationResult> NegotiateAsync(string? ucpAgentHeader, UcpOperation operation, CancellationToken cancellationToken)
    {
        var profileUrl = ParseAgentHeader(ucpAgentHeader, options.Value.Negotiation.AllowInsecureLoopbackProfiles);
        var platform = await resolver.ResolveAsync(profileUrl, cancellationToken).ConfigureAwait(false);

        // The platform's version must be one this business serves (the current one or a key of supported_versions).
        if (!versions.TryGet(platform.Version, out var version))
        {
            throw NegotiationException.VersionUnsupported(
                $"Protocol version {platform.Version} is not supported; this business speaks {string.Join(", ", versions.All.Select(v => v.Version))}.");
        }

        var active = Intersect(platform, version.Capabilities);
        var root = RootFor(operation);
        var relevant = version.Capabilities
            .Where(c => active.ContainsKey(c.Name) && (c.Name == root || c.Extends.Contains(root)))
            .ToDictionary(c => c.Name, c => active[c.Name], StringComparer.Ordinal);
        return new NegotiationResult
        {
            Version = version.Version,
            Platform = platform,
            Capabilities = relevant,
            IsCompatible = relevant.ContainsKey(root),
        };
    }

    /// <summary>The root capability an operation needs.</summary>
    internal static string RootFor(UcpOperation operation) => operation switch
    {
        UcpOperation.Checkout => UcpCapabilities.Checkout,
        UcpOperation.Order => UcpCapabilities.Order,
        UcpOperation.CatalogSearch => UcpCapabilities.CatalogSearch,
        UcpOperation.CatalogLookup => UcpCapabilities.CatalogLookup,
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    /// <summary>Validates the profile URL carried by a <c>UCP-Agent</c> dictionary header.</summary>
    internal static Uri ParseAgentHeader(string? header, bool allowInsecureLoopback)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw NegotiationException.InvalidProfileUrl("The UCP-Agent header is required: UCP-Agent: profile=\"https://platform.example/.well-known/ucp\".");
        }

        if (!StructuredFieldParser.TryParseDictionary(header, out var dictionary, out var error))
        {
            throw NegotiationException.InvalidProfileUrl($"The UCP-Agent header is not a structured-field dictionary ({error}).");
        }

        if (!dictionary.TryGetValue("profile", out var member) || !member.TryGetString(out var value))
        {
            throw NegotiationException.InvalidProfileUrl("The UCP-Agent header must carry profile=\"<url>\" as a quoted string.");
        }

        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || !string.IsNullOrEmpty(url.UserInfo) || !string.IsNullOrEmpty(url.Fragment))
        {
            throw NegotiationException.InvalidProfileUrl("The UCP-Agent profile is not an absolute URL.");
        }

        var secure = url.Scheme == Uri.UriSchemeHttps
            || (allowInsecureLoopback && url.Scheme == Uri.UriSchemeHttp && IsLoopback(url));
        if (!secure)
        {
            throw NegotiationException.InvalidProfileUrl("The UCP-Agent profile URL must use HTTPS.");
        }

        return url;
    }

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address));

    private static Dictionary<string, string> Intersect(PlatformProfile platform, IReadOnlyList<CapabilityDefinition> offered)
    {
        var active = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var capability in offered)
        {
            if (platform.Capabilities.TryGetValue(capability.Name, out var versions)
                && versions.Where(v => v == capability.Version).Max(StringComparer.Ordinal) is { } common)
            {
                active[capability.Name] = common;
            }
        }

        // Drop extensions whose parents are all gone, until nothing changes.
        bool pruned;
        do
        {
            pruned = false;
            foreach (var capability in offered.Where(c => c.IsExtension && active.ContainsKey(c.Name)))
            {
                if (!capability.Extends.Any(active.ContainsKey))
                {
                    active.Remove(capability.Name);
                    pruned = true;
                }
            }
        }
        while (pruned);

        return active;
    }
}
