using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Http;
using WixUcp.Operations;
using WixUcp.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Puts HMAC signature verification in front of an endpoint that receives webhooks.</summary>
public static class UcpWebhookSignatureEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Lets a call reach the endpoint only if <see cref="IncomingWebhookVerifier"/> finds it signed with the secret that
    /// <paramref name="secret"/> returns for it (null: no secret, refused). Otherwise 401 <c>webhook_signature_invalid</c>
    /// saying why, and the endpoint does not run. The body is read once, bounded by <c>WixUcp:MaxRequestBytes</c> (413
    /// <c>request_too_large</c> beyond it), and stays readable by the endpoint: its body parameters bind as usual, and
    /// <c>HttpContext.GetUcpRequestBody()</c> answers the same bytes.
    /// </summary>
    /// <typeparam name="TBuilder">The endpoint builder.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="secret">The shared secret for a call (for example by the sending store's id in the path).</param>
    /// <returns>The builder.</returns>
    public static TBuilder RequireUcpWebhookSignature<TBuilder>(this TBuilder builder, Func<HttpContext, ValueTask<byte[]?>> secret)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(secret);

        // In front of the endpoint's own delegate rather than as an endpoint filter: minimal APIs bind [FromBody]
        // parameters before filters run, so a filter would find the stream already read.
        builder.Add(endpoint =>
        {
            if (endpoint.RequestDelegate is { } inner)
            {
                endpoint.RequestDelegate = http => VerifyThenRunAsync(http, secret, inner);
            }
        });
        return builder;
    }

    private static async Task VerifyThenRunAsync(HttpContext http, Func<HttpContext, ValueTask<byte[]?>> secret, RequestDelegate inner)
    {
        ReadOnlyMemory<byte> body;
        try
        {
            body = await http.GetUcpRequestBody().ReadAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (RequestTooLargeException ex)
        {
            await http.WriteUcpOutcomeAsync(UcpOutcome.ProtocolError(StatusCodes.Status413PayloadTooLarge, "request_too_large", ex.Message)).ConfigureAwait(false);
            return;
        }

        var key = await secret(http).ConfigureAwait(false);
        var verifier = http.RequestServices.GetService<IncomingWebhookVerifier>() ?? new IncomingWebhookVerifier(TimeProvider.System);
        var verdict = key is null
            ? IncomingWebhookVerdict.BadSignature
            : verifier.Verify(key, body.Span, http.Request.Headers[IncomingWebhookVerifier.SignatureHeader].ToString(), http.Request.Headers[IncomingWebhookVerifier.TimestampHeader].ToString());
        if (verdict != IncomingWebhookVerdict.Valid)
        {
            await http.WriteUcpOutcomeAsync(UcpOutcome.ProtocolError(StatusCodes.Status401Unauthorized, "webhook_signature_invalid", verdict switch
            {
                IncomingWebhookVerdict.MissingSignature => $"Sign the call: {IncomingWebhookVerifier.SignatureHeader} is missing.",
                IncomingWebhookVerdict.MissingTimestamp => $"{IncomingWebhookVerifier.TimestampHeader} must hold unix seconds.",
                IncomingWebhookVerdict.StaleTimestamp => $"{IncomingWebhookVerifier.TimestampHeader} is outside the accepted window.",
                _ => $"{IncomingWebhookVerifier.SignatureHeader} does not match the body and timestamp.",
            })).ConfigureAwait(false);
            return;
        }

        // The verified bytes, readable again by whatever binds the body next.
        http.Request.Body = new MemoryStream(body.ToArray(), writable: false);
        await inner(http).ConfigureAwait(false);
    }
}
