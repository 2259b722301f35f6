using Microsoft.AspNetCore.Http;

namespace WixUcp.AspNetCore.Http;

/// <summary>Reads the request stream once, in chunks, failing as soon as the limit is passed.</summary>
internal sealed class UcpRequestBodyFeature(HttpRequest request, int limit) : IUcpRequestBodyFeature
{
    private ReadOnlyMemory<byte>? _body;

    // A failed read has consumed part of the stream: every later reader gets the same failure, never the tail.
    private Exception? _failure;

    public async ValueTask<ReadOnlyMemory<byte>> ReadAsync(CancellationToken cancellationToken)
    {
        if (_body is { } body)
        {
            return body;
        }

        if (_failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
        }

        try
        {
            _body = await ReadOnceAsync(cancellationToken).ConfigureAwait(false);
            return _body.Value;
        }
        catch (Exception ex)
        {
            _failure = ex;
            throw;
        }
    }

    private async Task<byte[]> ReadOnceAsync(CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw RequestTooLargeException.Over(limit);
        }

        // A declared length is read straight into an array of that size; one more byte than declared is refused.
        if (request.ContentLength is { } declared)
        {
            var body = new byte[declared];
            var filled = 0;
            while (filled < body.Length)
            {
                var count = await request.Body.ReadAsync(body.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    return body[..filled];
                }

                filled += count;
            }

            return await request.Body.ReadAsync(new byte[1], cancellationToken).ConfigureAwait(false) == 0 ? body : throw RequestTooLargeException.Over(limit);
        }

        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw RequestTooLargeException.Over(limit);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer.ToArray();
    }
}
