namespace WixUcp.AspNetCore.Http;

internal sealed class RequestTooLargeException(int limit) : Exception($"The request body is larger than {limit} bytes.");
