using BenchmarkDotNet.Attributes;
using WixUcp.Checkout;
using WixUcp.Storage;

namespace WixUcp.Benchmarks;

/// <summary>
/// What a shared store adds to every checkout request beyond its round trips: a typical ready session written to and
/// read from the storage format, against the 2026-04-08 codec writing the same session as a response.
/// </summary>
[MemoryDiagnoser]
public class StoredRecordBenchmarks
{
    private CheckoutSession _session = null!;
    private byte[] _stored = null!;

    [GlobalSetup]
    public void Setup()
    {
        _session = SampleCheckout.Ready("chk_0123456789abcdef0123456789abcdef");
        _stored = UcpRecordSerializer.Serialize(_session);
    }

    /// <summary>The stored bytes of the session.</summary>
    [Benchmark(Baseline = true)]
    public byte[] WriteSession() => UcpRecordSerializer.Serialize(_session);

    /// <summary>The session read back, as a store's get does.</summary>
    [Benchmark]
    public CheckoutSession ReadSession() => UcpRecordSerializer.DeserializeCheckoutSession(_stored);
}
