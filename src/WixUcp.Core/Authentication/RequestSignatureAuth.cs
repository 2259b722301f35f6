using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using WixUcp.Negotiation;
using WixUcp.Protocol;
using WixUcp.Signatures;

namespace WixUcp.Authentication;

/// <summary>
/// Authenticates a platform by its RFC 9421 request signature, as UCP 2026-04-08 defines it: the key is found by
/// <c>keyid</c> among the <c>signing_keys</c> of the profile named in <c>UCP-Agent</c> (fetched through the negotiation
/// cache, SSRF-guarded), the signature must cover the components UCP requires, <c>Content-Digest</c> must match the
/// exact body, <c>created</c> must be recent, and a signature is accepted once. The platform may then act for that
/// profile only, with the configured default permissions ("permissionless" onboarding) or, with an allow-list, only
/// when listed.
/// </summary>
public sealed class RequestSignatureAuth
{
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly IPlatformProfileResolver _profiles;
    private readonly IOptions<WixUcpOptions> _options;
    private readonly TimeProvider _time;

    private readonly ISignatureReplayCache _seen;

    internal RequestSignatureAuth(IPlatformProfileResolver profiles, IOptions<WixUcpOptions> options, TimeProvider time, ISignatureReplayCache seen)
    {
        _profiles = profiles;
        _options = options;
        _time = time;
        _seen = seen;
    }

    /// <summary>Verifies a signed request.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="cancellationToken">Cancels the profile fetch.</param>
    /// <returns>The platform's identity, or the refusal with its UCP code and status.</returns>
    public async ValueTask<UcpAuthResult> VerifyAsync(SignedHttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = _options.Value.Auth.Signatures;
        if (!settings.Enabled)
        {
            return Invalid("Request signatures are not accepted here.", "unauthorized");
        }

        if (!TryReadSignature(request, out var label, out var parameters, out var components, out var keyId, out var created, out var signature, out var error))
        {
            return Invalid(error, "signature_invalid");
        }

        // The components UCP requires of a platform's request.
        List<string> required = ["@method", "@authority", "@path", "ucp-agent"];
        if (request.Header("idempotency-key") is not null)
        {
            required.Add("idempotency-key");
        }

        if (!request.Body.IsEmpty)
        {
            required.AddRange(["content-digest", "content-type"]);
        }

        if (required.FirstOrDefault(r => !components.Contains(r)) is { } missing)
        {
            return Invalid($"The signature must cover \"{missing}\".", "signature_invalid");
        }

        var now = _time.GetUtcNow();
        var age = now - DateTimeOffset.FromUnixTimeSeconds(created);
        if (age > settings.MaxAge || age < -ClockSkew)
        {
            return Invalid("The signature's created time is outside the accepted window.", "signature_invalid");
        }

        if (!request.Body.IsEmpty && !ContentDigest.Matches(request.Header("content-digest"), request.Body.Span))
        {
            return UcpAuthResult.Refused("Content-Digest does not match the body.", "digest_mismatch", 400);
        }

        Uri profileUrl;
        PlatformProfile profile;
        try
        {
            profileUrl = UcpNegotiator.ParseAgentHeader(request.Header("ucp-agent"), _options.Value.Negotiation.AllowInsecureLoopbackProfiles);
            if (settings.AllowedProfiles.Count > 0 && !settings.AllowedProfiles.Contains(profileUrl.AbsoluteUri, StringComparer.Ordinal))
            {
                return UcpAuthResult.Refused("This profile is not trusted to authenticate by signature here.", "profile_not_trusted", 403);
            }

            profile = await _profiles.ResolveAsync(profileUrl, cancellationToken).ConfigureAwait(false);
        }
        catch (NegotiationException ex)
        {
            return UcpAuthResult.Refused(ex.Message, ex.Code, ex.StatusCode);
        }

        var key = profile.SigningKeys.FirstOrDefault(k => k.KeyId == keyId);
        if (key is null)
        {
            // Perhaps the platform rotated its key since the profile was cached: fetch it anew (at most once a minute per origin).
            try
            {
                profile = await _profiles.RefreshAsync(profileUrl, cancellationToken).ConfigureAwait(false);
            }
            catch (NegotiationException ex)
            {
                return UcpAuthResult.Refused(ex.Message, ex.Code, ex.StatusCode);
            }

            key = profile.SigningKeys.FirstOrDefault(k => k.KeyId == keyId);
            if (key is null)
            {
                return Invalid("The signature's keyid is not among the profile's signing keys.", "key_not_found");
            }
        }

        var values = new List<SignatureComponent>(components.Count);
        foreach (var name in components)
        {
            var value = name switch
            {
                "@method" => request.Method.ToUpperInvariant(),
                "@authority" => request.Authority.ToLowerInvariant(),
                "@path" => request.Path,
                _ when name.StartsWith('@') => null,
                _ => request.Header(name)?.Trim(),
            };
            if (value is null || value.Contains('\n', StringComparison.Ordinal) || value.Contains('\r', StringComparison.Ordinal))
            {
                return Invalid($"The signed component \"{name}\" is not in the request.", "signature_invalid");
            }

            values.Add(new SignatureComponent($"\"{name}\"", value));
        }

        if (!Verifies(key, HttpMessageSignature.Base(values, parameters), signature))
        {
            return Invalid("The signature does not verify.", "signature_invalid");
        }

        try
        {
            if (!await _seen.TryRecordAsync(label + ":" + Convert.ToBase64String(signature), settings.MaxAge + ClockSkew, cancellationToken).ConfigureAwait(false))
            {
                return Invalid("This signature was already used.", "signature_invalid");
            }
        }
        catch (Storage.StoreUnavailableException)
        {
            // Without the replay check a signature cannot be accepted: fail closed.
            return UcpAuthResult.Refused("Signatures cannot be checked right now; retry shortly.", "backend_unavailable", 503);
        }

        return UcpAuthResult.Success(new UcpIdentity
        {
            PlatformId = profileUrl.AbsoluteUri,
            Permissions = [.. settings.DefaultPermissions],
            Profiles = [profileUrl.AbsoluteUri],
        });
    }

    private static bool Verifies(PublicSigningKey key, string signatureBase, byte[] signature)
    {
        try
        {
            using var publicKey = key.ToECDsa();
            return HttpMessageSignature.Verify(publicKey, signatureBase, signature);
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            // A published point off the curve or badly encoded verifies nothing.
            return false;
        }
    }

    private static UcpAuthResult Invalid(string reason, string code) => UcpAuthResult.Refused(reason, code, 401);

    // One signature (UCP platforms send sig1): its label, the raw inner list with parameters (the @signature-params
    // value exactly as sent), the covered component names, keyid, created and the signature bytes.
    private static bool TryReadSignature(
        SignedHttpRequest request, out string label, out string parameters, out List<string> components, out string keyId, out long created, out byte[] signature, out string error)
    {
        (label, parameters, components, keyId, created, signature, error) = ("", "", [], "", 0, [], "");
        var input = request.Header("signature-input");
        var value = request.Header("signature");
        if (input is null || value is null)
        {
            error = "Signature-Input and Signature are both required.";
            return false;
        }

        if (!StructuredFieldParser.TryParseDictionary(input, out var inputs, out _) || inputs.Count != 1
            || !StructuredFieldParser.TryParseDictionary(value, out var signatures, out _) || signatures.Count != 1)
        {
            error = "Signature-Input and Signature must each carry one signature.";
            return false;
        }

        var (name, member) = inputs.First();
        label = name;
        if (!signatures.TryGetValue(label, out var signed) || !signed.TryGetByteSequence(out var bytes) || bytes is null)
        {
            error = "Signature must carry the signature labelled as in Signature-Input.";
            return false;
        }

        signature = bytes;
        if (!member.TryGetInnerList(out var items) || items.Any(i => !i.TryGetString(out _) || i.Parameters.Count > 0))
        {
            error = "Signature-Input must list the covered components as plain strings.";
            return false;
        }

        components = [.. items.Select(i => { i.TryGetString(out var c); return c!.ToLowerInvariant(); })];
        if (components.Distinct(StringComparer.Ordinal).Count() != components.Count)
        {
            error = "A component may be covered once.";
            return false;
        }

        if (!member.TryGetStringParameter("keyid", out var kid) || !member.Parameters.TryGetValue("created", out var createdValue) || createdValue is not long createdSeconds)
        {
            error = "Signature-Input needs keyid and created.";
            return false;
        }

        if (member.TryGetStringParameter("alg", out var alg) && alg != "ecdsa-p256-sha256")
        {
            error = "Only ecdsa-p256-sha256 signatures are accepted.";
            return false;
        }

        (keyId, created) = (kid, createdSeconds);

        // The @signature-params line is the inner list exactly as the signer serialized it.
        var prefix = label + "=";
        var raw = input.Trim();
        if (!raw.StartsWith(prefix, StringComparison.Ordinal))
        {
            error = "Signature-Input is not in its canonical form.";
            return false;
        }

        parameters = raw[prefix.Length..];
        return true;
    }
}
