using Microsoft.AspNetCore.Http;
using WixUcp.AspNetCore.Http;

namespace WixUcp.AspNetCore.Tests.Http;

public sealed class RequestBodyFeatureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_body_is_read_once_and_shared()
    {
        var request = Request("{\"query\":\"tea\"}"u8.ToArray());
        var feature = new UcpRequestBodyFeature(request, limit: 1024);

        var first = await feature.ReadAsync(Ct);
        var second = await feature.ReadAsync(Ct);

        Assert.Equal("{\"query\":\"tea\"}"u8.ToArray(), first.ToArray());
        Assert.True(first.Equals(second));
    }

    [Fact]
    public async Task An_oversized_body_without_a_length_fails_every_read_instead_of_returning_its_tail()
    {
        // No Content-Length (chunked): the limit is found while reading, after part of the stream is consumed.
        var request = Request(new byte[40 * 1024]);
        var feature = new UcpRequestBodyFeature(request, limit: 20 * 1024);

        await Assert.ThrowsAsync<RequestTooLargeException>(async () => await feature.ReadAsync(Ct));
        await Assert.ThrowsAsync<RequestTooLargeException>(async () => await feature.ReadAsync(Ct));
    }

    private static HttpRequest Request(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        return context.Request;
    }
}
