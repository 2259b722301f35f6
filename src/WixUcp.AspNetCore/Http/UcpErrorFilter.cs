using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using WixUcp.Operations;

namespace WixUcp.AspNetCore.Http;

/// <summary>
/// The last resort of the REST binding: the operation layer turns its own failures into UCP outcomes, so only failures
/// of the binding itself (the body stream, an oversized body) arrive here. They are answered with the same error
/// writer, never with a stack trace.
/// </summary>
internal sealed partial class UcpErrorFilter(ILogger<UcpErrorFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (RequestTooLargeException ex)
        {
            return new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status413PayloadTooLarge, "request_too_large", ex.Message));
        }
        catch (BadHttpRequestException ex)
        {
            return new UcpOutcomeResult(UcpOutcome.ProtocolError(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? "request_too_large" : "invalid_request", "The request could not be read."));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            LogUnexpected(logger, ex);
            return new UcpOutcomeResult(UcpOutcome.ProtocolError(StatusCodes.Status500InternalServerError, "internal_error", "The request failed unexpectedly; it can be retried."));
        }
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Error, Message = "Unhandled failure in the UCP REST binding")]
    private static partial void LogUnexpected(ILogger logger, Exception exception);
}
