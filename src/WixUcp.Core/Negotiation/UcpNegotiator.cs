using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WixUcp.Diagnostics;
using WixUcp.Protocol;
using WixUcp.Versions;

namespace WixUcp.Negotiation;

/// <summary>
/// Runs UCP negotiation for a request: reads the <c>UCP-Agent</c> header, resolves the platform profile, checks the
/// protocol version and intersects capabilities (by name, then highest common version; extensions pruned with their parents).
/// In <see cref="NegotiationMode.Tolerant"/> mode an operation whose capability family the platform does not declare at all
/// is served with the business's capabilities of that family; the version check is never relaxed.
/// </summary>
internal sealed partial class UcpNegotiator(
    IPlatformProfileResolver resolver,
    UcpVersionRegistry versions,
    IOptions<WixUcpOptions> options,
    ILogger<UcpNegotiator>? logger = null,
    WixUcpMetrics? metrics = null)
{
    // Remembers which (profile, tolerance) pairs were logged, so each is logged once; bounded against profile floods.
    private const int MaxRemembered = 4096;
    private readonly ConcurrentDictionary<(string Profile, string Subject), byte> _logged = new();
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    public async ValueTask<NegotiationResult> NegotiateAsync(string? ucpAgentHeader, UcpOperation operation, CancellationToken cancellationToken)
    {
        var profileUrl = ParseAgentHeader(ucpAgentHeader, options.Value.Negotiation.AllowInsecureLoopbackProfiles);
        var platform = await resolver.ResolveAsync(profileUrl, cancellationToken).ConfigureAwait(false);

        // The platform's version must be one this business serves (the current one or a key of supported_versions).
        if (!versions.TryGetForPlatform(platform.Version, out var version))
        {
            throw NegotiationException.VersionUnsupported(
                $"Protocol version {platform.Version} is not supported; this business speaks {string.Join(", ", versions.All.Select(v => v.Version))}.",
                versions.RulesFor(platform.Version).VersionUnsupportedStatus);
        }

        foreach (var tolerance in platform.Tolerances)
        {
            metrics?.ToleranceApplied(tolerance);
        }

        if (platform.Tolerances.Count > 0 && FirstTime(platform.Url, "profile"))
        {
            LogProfileTolerated(_logger, platform.Url, string.Join(", ", platform.Tolerances));
        }

        var active = Intersect(platform, version);
        var root = RootFor(operation);
        if (options.Value.Negotiation.Mode == NegotiationMode.Tolerant)
        {
            ServeUndeclaredFamily(platform, version, root, active);
        }

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

    // A platform that declares nothing of the operation's family (for example only dev.ucp.shopping.order, to register its
    // webhook, and then checkout calls) gets the business's capabilities of that family for this call. A family it does
    // declare, even in another version, is negotiated as declared.
    private void ServeUndeclaredFamily(PlatformProfile platform, UcpProtocolVersion version, string root, Dictionary<string, string> active)
    {
        // A version without the operation's capability at all (January has no catalog) has nothing to serve.
        if (version.Capabilities.FirstOrDefault(c => c.Name == root)?.Family is not { } family)
        {
            return;
        }

        var members = version.Capabilities.Where(c => c.Family == family).ToList();
        if (members.Any(c => platform.Capabilities.ContainsKey(c.Name)))
        {
            return;
        }

        foreach (var capability in members)
        {
            active[capability.Name] = capability.Version;
        }

        metrics?.ToleranceApplied(Tolerances.FamilyUndeclared);
        if (FirstTime(platform.Url, family))
        {
            LogFamilyServed(_logger, platform.Url, family);
        }
    }

    // True the first time a (profile, subject) pair is seen; the memory is bounded, so a flood of new profiles only
    // makes some deviations be logged again.
    private bool FirstTime(Uri profile, string subject)
    {
        if (_logged.Count >= MaxRemembered)
        {
            _logged.Clear();
        }

        return _logged.TryAdd((profile.AbsoluteUri, subject), 0);
    }

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Platform profile {ProfileUrl} deviates from UCP ({Tolerances}); accepted in Tolerant negotiation mode")]
    private static partial void LogProfileTolerated(ILogger logger, Uri profileUrl, string tolerances);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "Platform profile {ProfileUrl} declares no {Family} capability; served the business's in Tolerant negotiation mode")]
    private static partial void LogFamilyServed(ILogger logger, Uri profileUrl, string family);

    /// <summary>The root capability an operation needs.</summary>
    internal static string RootFor(UcpOperation operation) => operation switch
    {
        UcpOperation.Checkout => UcpCapabilities.Checkout,
        UcpOperation.Order => UcpCapabilities.Order,
        UcpOperation.CatalogSearch => UcpCapabilities.CatalogSearch,
        UcpOperation.CatalogLookup => UcpCapabilities.CatalogLookup,
        UcpOperation.Cart => UcpCapabilities.Cart,
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

    // A capability is shared when the platform declares it in a version this one answers (January documents still name
    // 2026-01-11, which 2026-01-23 answers); it is active in the business's version.
    private static Dictionary<string, string> Intersect(PlatformProfile platform, UcpProtocolVersion version)
    {
        var offered = version.Capabilities;
        var active = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var capability in offered)
        {
            if (platform.Capabilities.TryGetValue(capability.Name, out var versions)
                && versions.Any(v => v == capability.Version || version.AnswersPlatformVersions.Contains(v, StringComparer.Ordinal)))
            {
                active[capability.Name] = capability.Version;
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
