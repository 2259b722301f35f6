using System.Text;
using WixUcp.Storage;

namespace WixUcp.Core.Tests.Storage;

public sealed class UcpRecordSerializerTests
{
    [Fact]
    public void Records_carry_their_format_version_and_refuse_unknown_ones()
    {
        var response = new WixUcp.Idempotency.IdempotentResponse { StatusCode = 201, ContentType = "application/json", Body = Encoding.UTF8.GetBytes("{\"id\":\"chk_1\"}") };

        var bytes = UcpRecordSerializer.Serialize(response);
        var text = Encoding.UTF8.GetString(bytes);
        var read = UcpRecordSerializer.DeserializeIdempotentResponse(bytes);

        Assert.StartsWith("{\"v\":1,", text, StringComparison.Ordinal);
        Assert.Equal((201, "{\"id\":\"chk_1\"}"), (read.StatusCode, Encoding.UTF8.GetString(read.Body.Span)));
        Assert.Throws<InvalidDataException>(() => UcpRecordSerializer.DeserializeIdempotentResponse(Encoding.UTF8.GetBytes(text.Replace("\"v\":1", "\"v\":2", StringComparison.Ordinal))));
        Assert.Throws<InvalidDataException>(() => UcpRecordSerializer.DeserializeOrder("not json"u8));
    }
}
