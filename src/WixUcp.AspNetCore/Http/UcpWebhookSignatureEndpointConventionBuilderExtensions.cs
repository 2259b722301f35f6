using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.Operations;
using WixUcp.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Puts HMAC signature verification in front of an endpoint that receives webhooks.</summary>
public static class UcpWebhookSignatureEndpointConventionBuilderExtensions
{
    /// <summary>
    /// Lets a call reach the endpoint only if <see cref="IncomingWebhookVerifier"/> finds it signed with the secret that
    /// <paramref name="secret"/> returns for it (null: no secret, refused). Otherwise 401 <c>webhook_signature_invalid</c>
    /// saying why, and the endpoint does not run. The body is read once, bounded, and stays readable by the endpoint
    /// (<c>HttpContext.GetUcpRequestBody()</c>).
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
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var body = await http.GetUcpRequestBody().ReadAsync(http.RequestAborted).ConfigureAwait(false);
            var key = await secret(http).ConfigureAwait(false);
            var verifier = http.RequestServices.GetService<IncomingWebhookVerifier>() ?? new IncomingWebhookVerifier(TimeProvider.System);
            var verdict = key is null
                ? IncomingWebhookVerdict.BadSignature
                : verifier.Verify(key, body.Span, http.Request.Headers[IncomingWebhookVerifier.SignatureHeader].ToString(), http.Request.Headers[IncomingWebhookVerifier.TimestampHeader].ToString());
            return verdict == IncomingWebhookVerdict.Valid
                ? await next(context).ConfigureAwait(false)
                : new WixUcp.AspNetCore.Http.UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status401Unauthorized, "webhook_signature_invalid", verdict switch
                {
                    IncomingWebhookVerdict.MissingSignature => $"Sign the call: {IncomingWebhookVerifier.SignatureHeader} is missing.",
                    IncomingWebhookVerdict.MissingTimestamp => $"{IncomingWebhookVerifier.TimestampHeader} must hold unix seconds.",
                    IncomingWebhookVerdict.StaleTimestamp => $"{IncomingWebhookVerifier.TimestampHeader} is outside the accepted window.",
                    _ => $"{IncomingWebhookVerifier.SignatureHeader} does not match the body and timestamp.",
                }));
        });
        return builder;
    }
}
