using System.Text;
using WixUcp.Protocol;

namespace WixUcp.Core.Tests.Protocol;

public sealed class RequestGuardTests
{
    private static readonly RequestLimitOptions Limits = new() { MaxDepth = 6, MaxStringLength = 16, MaxArrayLength = 3, MaxObjectMembers = 4 };

    [Theory]
    [InlineData("""{"line_items":[{"item":{"id":"tea"},"quantity":1}],"buyer":{"email":"a@b.c"}}""")]
    [InlineData("""{"query":"tea","pagination":{"limit":10}}""")]
    [InlineData("""{"note":"caf\u00e9 \u2603"}""")]
    public void Documents_within_the_limits_pass(string json) => RequestGuard.Check(Encoding.UTF8.GetBytes(json), Limits);

    [Theory]
    [InlineData("""{"a":{"b":{"c":{"d":{"e":{"f":{}}}}}}}""", "$.a.b.c.d.e.f", "request_too_large")]
    [InlineData("""{"buyer":{"first_name":"0123456789abcdefX"}}""", "$.buyer.first_name", "request_too_large")]
    [InlineData("""{"codes":["a","b","c","d"]}""", "$.codes[3]", "request_too_large")]
    [InlineData("""{"a":1,"b":2,"c":3,"d":4,"e":5}""", "$.e", "request_too_large")]
    [InlineData("""{"buyer":{"email":"a@b.c","email":"x@y.z"}}""", "$.buyer.email", "invalid_request")]
    [InlineData("""{"line_items":[{"item":{"id":"t\u0000a"}}]}""", "$.line_items[0].item.id", "invalid_request")]
    [InlineData("""{"name":"a\u0085b"}""", "$.name", "invalid_request")]
    [InlineData("""{"line_items":[{"quantity":1},""", "$.line_items[0]", "invalid_request")]
    [InlineData("""{"name":"\ud800"}""", "$.name", "invalid_request")]
    public void Each_breach_is_named_by_its_path(string json, string path, string code)
    {
        var error = Assert.Throws<UcpRequestException>(() => RequestGuard.Check(Encoding.UTF8.GetBytes(json), Limits));

        Assert.Equal((path, code), (error.WirePath, error.Code));
    }

    [Fact]
    public void Raw_control_characters_and_invalid_utf8_are_refused()
    {
        byte[] rawNewline = [.. """{"name":"a"""u8, 0x0A, .. """b"}"""u8];
        byte[] rawC1 = [.. """{"name":"a"""u8, 0xC2, 0x85, .. """b"}"""u8];
        byte[] invalidUtf8 = [.. """{"name":"a"""u8, 0xC3, 0x28, (byte)'"', (byte)'}'];

        Assert.Throws<UcpRequestException>(() => RequestGuard.Check(rawNewline, Limits));
        Assert.Throws<UcpRequestException>(() => RequestGuard.Check(rawC1, Limits));
        Assert.Throws<UcpRequestException>(() => RequestGuard.Check(invalidUtf8, Limits));
    }
}
