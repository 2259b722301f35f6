using System.Runtime.CompilerServices;
using WixUcp.Checkout;
using WixUcp.Idempotency;
using WixUcp.Operations;

namespace WixUcp.Benchmarks;

/// <summary>
/// What an open checkout holds in the in-memory stores: N typical ready checkouts (each a distinct object graph, as the
/// engine makes them) and their create responses kept for idempotent replay, measured as the managed heap they add
/// after full collections. <c>dotnet WixUcp.Benchmarks.dll memory [count]</c>
/// </summary>
internal static class OpenCheckoutMemory
{
    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
        var sessions = new InMemoryCheckoutSessionStore(TimeProvider.System);
        var idempotency = new InMemoryIdempotencyStore(TimeProvider.System);

        var baseline = Heap();
        for (var i = 0; i < count; i++)
        {
            await sessions.TryCreateAsync(SampleCheckout.Ready("chk_" + i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None).ConfigureAwait(false);
        }

        var afterSessions = Heap();
        var answer = new byte[1875];   // a checkout answer's size on the wire, as the load benchmark measures it
        for (var i = 0; i < count; i++)
        {
            var key = "idem:" + Guid.NewGuid().ToString();
            await idempotency.TryBeginAsync(key, "fingerprint-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromMinutes(1), CancellationToken.None).ConfigureAwait(false);
            await idempotency.CompleteAsync(key, new IdempotentResponse { StatusCode = 201, ContentType = "application/json", Body = answer.AsSpan().ToArray(), Kind = UcpOutcomeKind.Created }, TimeSpan.FromHours(24), CancellationToken.None).ConfigureAwait(false);
        }

        var afterRecords = Heap();
        Console.WriteLine($"in-memory checkout session: {(afterSessions - baseline) / count:N0} bytes each ({count:N0} held)");
        Console.WriteLine($"in-memory idempotency record of a create: {(afterRecords - afterSessions) / count:N0} bytes each");
        GC.KeepAlive(sessions);
        GC.KeepAlive(idempotency);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
