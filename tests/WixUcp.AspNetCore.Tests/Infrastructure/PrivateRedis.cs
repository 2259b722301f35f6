using System.ComponentModel;
using System.Diagnostics;
using System.Net.Sockets;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>
/// A redis-server process of the test's own on a loopback port, which the test may stop and start again (the shared
/// test Redis must stay up for the other tests). Needs <c>redis-server</c> on the PATH, as <c>./test.sh</c> installs it.
/// </summary>
internal sealed class PrivateRedis : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wixucp-redis").FullName;
    private Process? _process;

    private PrivateRedis(int port) => Port = port;

    public int Port { get; }

    public string Url => $"redis://127.0.0.1:{Port}";

    /// <summary>Starts one, or skips (fails under CI=true) when redis-server is not installed.</summary>
    public static async Task<PrivateRedis> StartAsync()
    {
        var redis = new PrivateRedis(SampleHostProcess.FreePort());
        await redis.StartAgainAsync();
        return redis;
    }

    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        // Its own empty directory: a dump.rdb lying in the working directory would otherwise be loaded.
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start);
        }
        catch (Win32Exception)
        {
            SharedData.Unavailable("redis-server is not installed: run the suite with ./test.sh, which installs it.");
        }

        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"redis-server did not listen on port {Port}.");
    }

    /// <summary>Changes a setting of the running server (<c>CONFIG SET</c>), e.g. to make it answer errors.</summary>
    public async Task ConfigSetAsync(string setting, string value)
    {
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},allowAdmin=true");
        await connection.GetServer("127.0.0.1", Port).ConfigSetAsync(setting, value);
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
