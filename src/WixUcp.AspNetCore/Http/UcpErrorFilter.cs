using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WixUcp.Commerce;
using WixUcp.Negotiation;
using WixUcp.Protocol;

namespace WixUcp.AspNetCore.Http;

/// <summary>
/// Maps failures of a UCP operation to the protocol's error bodies: bad input 400 (415 for media types, 413 for size),
/// negotiation failures their spec'd status, an unavailable backend 503, anything else 500 without internals.
/// </summary>
internal sealed partial class UcpErrorFilter(ILogger<UcpErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (UcpRequestException ex)
        {
            var status = ex.Code switch
            {
                "unsupported_media_type" => StatusCodes.Status415UnsupportedMediaType,
                _ => StatusCodes.Status400BadRequest,
            };
            return ProtocolError.Create(status, ex.Code, ex.Message, ex.Path);
        }
        catch (RequestTooLargeException ex)
        {
            return ProtocolError.Create(StatusCodes.Status413PayloadTooLarge, "request_too_large", ex.Message);
        }
        catch (NegotiationException ex)
        {
            return ProtocolError.Create(ex.StatusCode, ex.Code, ex.Message, continueUrl: UcpHttpContext.BaseUrl(context.HttpContext));
        }
        catch (CommerceBackendException ex)
        {
            LogBackendFailure(logger, ex);
            return ProtocolError.Create(StatusCodes.Status503ServiceUnavailable, "backend_unavailable", "The store could not be reached; retry shortly.", headers: RetryAfter);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            LogUnexpected(logger, ex);
            return ProtocolError.Create(StatusCodes.Status500InternalServerError, "internal_error", "The request failed unexpectedly; it can be retried.");
        }
    }

    private static readonly Dictionary<string, string> RetryAfter = new(StringComparer.Ordinal) { ["Retry-After"] = "5" };

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Commerce backend unavailable")]
    private static partial void LogBackendFailure(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Unhandled failure in a UCP operation")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
