using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WixUcp.AspNetCore.Http;
using WixUcp.Commerce;
using WixUcp.Operations;
using WixUcp.Storage;
using WixUcp.Wix;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint Wix posts its webhooks to.</summary>
public static class WixWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {pattern}</c> (default <c>/wix/webhooks</c>; set it as the app's webhook URL in the Wix dashboard).
    /// A webhook verified with the app's public key gets 200, whether or not this server acts on its event; anything
    /// else gets 401 <c>webhook_signature_invalid</c> and changes nothing. When acting on it fails (Wix or the stores
    /// unavailable) the answer is 503, and Wix retries.
    /// </summary>
    /// <param name="endpoints">The application's endpoint builder.</param>
    /// <param name="pattern">The path.</param>
    /// <returns>The endpoint, for further conventions.</returns>
    public static IEndpointConventionBuilder MapWixWebhooks(this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string pattern = "/wix/webhooks")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<WixWebhookReceiver>() is null)
        {
            throw new InvalidOperationException("MapWixWebhooks() needs the Wix backend: call builder.Services.AddWixUcp().AddWix().");
        }

        return endpoints.MapPost(pattern, ReceiveAsync).WithName("WixUcp.WixWebhooks").ExcludeFromDescription();
    }

    private static async Task<IResult> ReceiveAsync(HttpContext http, WixWebhookReceiver receiver)
    {
        try
        {
            var body = await http.GetUcpRequestBody().ReadAsync(http.RequestAborted).ConfigureAwait(false);
            var receipt = await receiver.ReceiveAsync(body, http.RequestAborted).ConfigureAwait(false);
            return receipt.Accepted
                ? Results.Ok()
                : new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status401Unauthorized, "webhook_signature_invalid", receipt.Refusal ?? "The webhook is not verified."));
        }
        catch (RequestTooLargeException ex)
        {
            return new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status413PayloadTooLarge, "request_too_large", ex.Message));
        }
        catch (Exception ex) when (ex is CommerceBackendException or StoreUnavailableException)
        {
            return new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status503ServiceUnavailable, "backend_unavailable", "The event could not be handled now; it will be taken when Wix retries.", retryAfter: TimeSpan.FromSeconds(5)));
        }
    }
}
