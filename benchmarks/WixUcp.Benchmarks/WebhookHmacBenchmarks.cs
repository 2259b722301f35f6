using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using WixUcp.Negotiation;
using WixUcp.Webhooks;

namespace WixUcp.Benchmarks;

/// <summary>
/// The shared-secret webhook signature (<c>X-UCP-Signature</c>: HMAC-SHA256 of <c>{timestamp}.{body}</c>) of a 1 KB and a
/// 64 KB body, each against raw SHA-256 of the same bytes in the same run; and the RFC 8941 parse of a <c>UCP-Agent</c>.
/// </summary>
[MemoryDiagnoser]
public class WebhookHmacBenchmarks
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);
    private const string Timestamp = "1796083200";
    private byte[] _body = [];

    [Params(1024, 65536)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup() => _body = RandomNumberGenerator.GetBytes(Size);

    [Benchmark(Baseline = true, Description = "baseline: SHA-256 of the body")]
    public byte[] Sha256() => SHA256.HashData(_body);

    [Benchmark(Description = "HMAC-SHA256 of {timestamp}.{body}")]
    public byte Mac()
    {
        Span<byte> mac = stackalloc byte[32];
        IncomingWebhookVerifier.Mac(Secret, Timestamp, _body, mac);
        return mac[0];
    }

    [Benchmark(Description = "X-UCP-Signature header: the HMAC as sha256={hex}")]
    public string Hmac() => IncomingWebhookVerifier.Sign(Secret, Timestamp, _body);

    [Benchmark(Description = "UCP-Agent: RFC 8941 parse and profile URL check")]
    public Uri ParseAgent() => UcpNegotiator.ParseAgentHeader("profile=\"https://agent.example/profiles/shopping-agent.json\", version=\"2026-08-25\"", allowInsecureLoopback: false);
}

