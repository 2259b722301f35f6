using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WixUcp.Benchmarks;

/// <summary>
/// The framework floor of the load benchmark: a bare ASP.NET Core minimal API answering <c>GET /floor</c> with a fixed
/// JSON document of a given size, as fast as this machine serves anything over HTTP.
/// <c>dotnet WixUcp.Benchmarks.dll floor --urls http://127.0.0.1:PORT --bytes N</c>
/// </summary>
internal static class FrameworkFloor
{
    public static async Task RunAsync(string[] args)
    {
        var bytes = args.SkipWhile(a => a != "--bytes").Skip(1).Select(int.Parse).FirstOrDefault(2048);
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        var app = builder.Build();

        // {"data":"xxxx…"} padded to exactly the requested size.
        var payload = Encoding.UTF8.GetBytes("{\"data\":\"" + new string('x', Math.Max(0, bytes - 11)) + "\"}");
        app.MapGet("/floor", () => Results.Bytes(payload, "application/json"));
        await app.RunAsync().ConfigureAwait(false);
    }
}
