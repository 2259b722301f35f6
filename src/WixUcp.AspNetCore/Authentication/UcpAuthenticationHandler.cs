using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WixUcp.AspNetCore.Http;
using WixUcp.Authentication;
using WixUcp.Diagnostics;
using WixUcp.Operations;

namespace WixUcp.AspNetCore.Authentication;

/// <summary>
/// ASP.NET Core's authentication handler for platform credentials: takes the credential from <c>Authorization</c> or
/// <c>X-API-Key</c>, hands it to the <see cref="IUcpAuth"/> of its scheme, and answers challenges (401) and
/// forbidden (403) with <c>WWW-Authenticate</c> and a UCP error body.
/// </summary>
internal sealed class UcpAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IEnumerable<IUcpAuth> verifiers, RequestSignatureAuth signatures)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string SignatureScheme = "Signature";

    private const string ApiKeyHeader = "X-API-Key";
    private const string ApiKeyScheme = "ApiKey";
    private const int MaxCredentialLength = 8192;

    private readonly IUcpAuth[] _verifiers = [.. verifiers];

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var authorization = Request.Headers.Authorization;
        var apiKey = Request.Headers[ApiKeyHeader];
        if (authorization.Count == 0 && apiKey.Count == 0)
        {
            return Request.Headers.ContainsKey("Signature-Input") || Request.Headers.ContainsKey("Signature")
                ? await AuthenticateSignatureAsync().ConfigureAwait(false)
                : AuthenticateResult.NoResult();
        }

        if (authorization.Count + apiKey.Count > 1)
        {
            return AuthenticateResult.Fail("Send exactly one credential (Authorization or X-API-Key, once).");
        }

        string scheme, credential;
        if (apiKey.Count == 1)
        {
            (scheme, credential) = (ApiKeyScheme, apiKey.ToString().Trim());
        }
        else
        {
            var value = authorization.ToString().Trim();
            var space = value.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0)
            {
                return AuthenticateResult.Fail("The Authorization header must be '{scheme} {credential}'.");
            }

            (scheme, credential) = (value[..space], value[(space + 1)..].Trim());
        }

        if (credential.Length is 0 or > MaxCredentialLength)
        {
            return AuthenticateResult.Fail("The credential is empty or too long.");
        }

        var verifier = Array.Find(_verifiers, v => string.Equals(v.Scheme, scheme, StringComparison.OrdinalIgnoreCase));
        if (verifier is null)
        {
            return AuthenticateResult.Fail($"The credential scheme is not accepted; use {AcceptedSchemes()}.");
        }

        return Conclude(await verifier.AuthenticateAsync(credential, Context.RequestAborted).ConfigureAwait(false), verifier.Scheme);
    }

    // RFC 9421: the platform is the profile whose key signed the request; the signature covers the bounded body the
    // binding reads next (the same feature, read once).
    private async Task<AuthenticateResult> AuthenticateSignatureAsync()
    {
        ReadOnlyMemory<byte> body;
        try
        {
            body = await Context.GetUcpRequestBody().ReadAsync(Context.RequestAborted).ConfigureAwait(false);
        }
        catch (RequestTooLargeException ex)
        {
            return AuthenticateResult.Fail(new UcpAuthenticationFailure(UcpAuthResult.Refused(ex.Message, "request_too_large", StatusCodes.Status413PayloadTooLarge)));
        }

        // The path as the client sent it (servers that do not record it, such as the test server, give the decoded one).
        var target = Context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw ? raw : (Request.PathBase + Request.Path).ToString();
        var query = target.IndexOf('?', StringComparison.Ordinal);
        var request = new SignedHttpRequest
        {
            Method = Request.Method,
            Authority = Request.Host.Value ?? "",
            Path = query < 0 ? target : target[..query],
            Header = name => Request.Headers.TryGetValue(name, out var values) ? string.Join(", ", values.ToArray()) : null,
            Body = body,
        };
        return Conclude(await signatures.VerifyAsync(request, Context.RequestAborted).ConfigureAwait(false), SignatureScheme);
    }

    private AuthenticateResult Conclude(UcpAuthResult result, string scheme)
    {
        if (result.Identity is not { } identity)
        {
            return AuthenticateResult.Fail(new UcpAuthenticationFailure(result));
        }

        // From here on the request's log lines and metrics name the platform.
        UcpRequestContext.Current?.PlatformId = identity.PlatformId;
        return AuthenticateResult.Success(new AuthenticationTicket(identity.ToPrincipal(scheme), Scheme.Name));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        var refusal = (result.Failure as UcpAuthenticationFailure)?.Result;
        var status = refusal?.StatusCode ?? StatusCodes.Status401Unauthorized;
        var content = result.Failure?.Message
            ?? $"Authentication is required: send X-API-Key, Authorization with {AcceptedSchemes()}, or an RFC 9421 signature.";
        if (status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            Response.Headers.WWWAuthenticate = string.Join(", ", _verifiers.Select(v =>
                v.Scheme + " realm=\"ucp\"" + (result.Failure is not null && v.Scheme == "Bearer" ? ", error=\"invalid_token\"" : "")));
        }

        var retryAfter = status == StatusCodes.Status503ServiceUnavailable ? TimeSpan.FromSeconds(1) : (TimeSpan?)null;
        await Context.WriteUcpOutcomeAsync(UcpOutcome.ProtocolError(status, refusal?.Code ?? "unauthorized", content, retryAfter: retryAfter)).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var required = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy)
            .Where(p => p?.StartsWith(UcpAuthenticationDefaults.AuthenticationScheme + ":", StringComparison.Ordinal) == true)
            .Select(p => p![(UcpAuthenticationDefaults.AuthenticationScheme.Length + 1)..])
            .ToArray() ?? [];
        var scope = string.Join(' ', required);
        Response.Headers.WWWAuthenticate = string.Join(", ", _verifiers.Select(v => $"{v.Scheme} realm=\"ucp\", error=\"insufficient_scope\", scope=\"{scope}\""));
        return Context.WriteUcpOutcomeAsync(UcpOutcome.ProtocolError(
            StatusCodes.Status403Forbidden, "forbidden", $"These credentials lack the permission this operation needs ({scope})."));
    }

    private string AcceptedSchemes() => string.Join(" or ", _verifiers.Select(v => v.Scheme));
}
