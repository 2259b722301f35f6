namespace WixUcp.Diagnostics;

/// <summary>Forwards the current request's id on every outgoing call (profile fetches, JWKS, webhooks, the commerce backend).</summary>
internal sealed class RequestIdPropagationHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (UcpRequestContext.Current is { } context && !request.Headers.Contains(UcpRequestContext.RequestIdHeader))
        {
            request.Headers.TryAddWithoutValidation(UcpRequestContext.RequestIdHeader, context.RequestId);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
