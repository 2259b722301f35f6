using System.Text.Json;
using System.Text.RegularExpressions;
using WixUcp.Protocol;
using WixUcp.Signatures;

namespace WixUcp.Negotiation;

/// <summary>Reads the parts of a platform profile that negotiation relies on, rejecting profiles that break the schema there.</summary>
internal static partial class PlatformProfileParser
{
    private const int MaxSigningKeys = 16;

    /// <summary>Parses as <see cref="NegotiationMode.Strict"/> does.</summary>
    public static PlatformProfile Parse(Uri url, ReadOnlySpan<byte> json) => Parse(url, json, NegotiationMode.Strict);

    /// <summary>
    /// Parses a profile. In <see cref="NegotiationMode.Tolerant"/> mode absent <c>services</c>, <c>payment_handlers</c>
    /// and <c>capabilities</c> read as empty and are listed in <see cref="PlatformProfile.Tolerances"/>; members that are
    /// present keep every structural rule.
    /// </summary>
    public static PlatformProfile Parse(Uri url, ReadOnlySpan<byte> json, NegotiationMode mode)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException ex)
        {
            throw NegotiationException.Malformed("The platform profile is not JSON.", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("ucp", out var ucp) || ucp.ValueKind != JsonValueKind.Object)
            {
                throw NegotiationException.Malformed("The platform profile has no ucp object.");
            }

            if (!ucp.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.String
                || !VersionPattern().IsMatch(version.GetString()!))
            {
                throw NegotiationException.Malformed("The platform profile's ucp.version must be a YYYY-MM-DD string.");
            }

            var tolerances = new List<string>();
            RequireObject(ucp, "services", mode, Tolerances.ServicesAbsent, tolerances);
            RequireObject(ucp, "payment_handlers", mode, Tolerances.PaymentHandlersAbsent, tolerances);
            var capabilities = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var supportsMultiGroup = false;
            Uri? webhookUrl = null;
            if (ucp.TryGetProperty("capabilities", out var registry))
            {
                if (registry.ValueKind != JsonValueKind.Object)
                {
                    throw NegotiationException.Malformed("The platform profile's ucp.capabilities must be an object.");
                }

                foreach (var entry in registry.EnumerateObject())
                {
                    if (entry.Value.ValueKind != JsonValueKind.Array)
                    {
                        throw NegotiationException.Malformed($"Capability {entry.Name} must be an array of versions.");
                    }

                    var versions = new List<string>();
                    foreach (var item in entry.Value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.Object
                            || !item.TryGetProperty("version", out var itemVersion) || itemVersion.ValueKind != JsonValueKind.String
                            || !VersionPattern().IsMatch(itemVersion.GetString()!))
                        {
                            throw NegotiationException.Malformed($"Every entry of capability {entry.Name} needs a YYYY-MM-DD version.");
                        }

                        versions.Add(itemVersion.GetString()!);
                        if (item.TryGetProperty("config", out var config) && config.ValueKind == JsonValueKind.Object)
                        {
                            if (entry.Name == UcpCapabilities.Fulfillment
                                && config.TryGetProperty("supports_multi_group", out var multi) && multi.ValueKind == JsonValueKind.True)
                            {
                                supportsMultiGroup = true;
                            }

                            if (entry.Name == UcpCapabilities.Order
                                && config.TryGetProperty("webhook_url", out var hook) && hook.ValueKind == JsonValueKind.String
                                && Uri.TryCreate(hook.GetString(), UriKind.Absolute, out var hookUrl)
                                && (hookUrl.Scheme == Uri.UriSchemeHttps || hookUrl.Scheme == Uri.UriSchemeHttp))
                            {
                                webhookUrl = hookUrl;
                            }
                        }
                    }

                    capabilities[entry.Name] = versions;
                }
            }
            else if (mode == NegotiationMode.Tolerant)
            {
                tolerances.Add(Tolerances.CapabilitiesAbsent);
            }

            return new PlatformProfile
            {
                Url = url,
                Version = version.GetString()!,
                Capabilities = capabilities,
                SupportsMultiGroup = supportsMultiGroup,
                OrderWebhookUrl = webhookUrl,
                Tolerances = tolerances,
                SigningKeys = SigningKeys(root),
            };
        }
    }

    // 2026-08-25 renamed signing_keys to keys: read the new name, fall back to the old. Only EC P-256 keys can verify
    // UCP signatures; others are skipped, and a profile cannot make the server hold more than a few.
    private static List<PublicSigningKey> SigningKeys(JsonElement root)
    {
        var keys = new List<PublicSigningKey>();
        if ((root.TryGetProperty("keys", out var list) || root.TryGetProperty("signing_keys", out list)) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var jwk in list.EnumerateArray().Take(MaxSigningKeys))
            {
                if (jwk.ValueKind == JsonValueKind.Object
                    && String(jwk, "kty") == "EC" && String(jwk, "crv") == "P-256"
                    && String(jwk, "kid") is { Length: > 0 and <= 256 } kid && String(jwk, "x") is { Length: 43 } x && String(jwk, "y") is { Length: 43 } y)
                {
                    keys.Add(new PublicSigningKey { KeyId = kid, X = x, Y = y });
                }
            }
        }

        return keys;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void RequireObject(JsonElement ucp, string name, NegotiationMode mode, string tolerance, List<string> tolerances)
    {
        if (!ucp.TryGetProperty(name, out var value) && mode == NegotiationMode.Tolerant)
        {
            tolerances.Add(tolerance);
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw NegotiationException.Malformed($"The platform profile's ucp.{name} must be an object.");
        }
    }

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
