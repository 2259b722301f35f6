using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>The sample host on its embedded default, with loopback platform profiles allowed and its logs captured.</summary>
public sealed class UcpAppFactory(IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    public UcpAppFactory()
        : this(null)
    {
    }

    /// <summary>The business signing key of every host under test (outside Development one must be configured).</summary>
    public static readonly string SigningKeyPem = CreateSigningKeyPem();

    /// <summary>The API-key pepper of every host under test.</summary>
    public const string ApiKeyPepper = "test-pepper-0123456789abcdef0123456789abcdef";

    /// <summary>Every log line the host wrote, as category and formatted message.</summary>
    public ConcurrentQueue<(string Category, LogLevel Level, string Message)> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("WixUcp:Negotiation:AllowInsecureLoopbackProfiles", "true");
        builder.UseSetting("WixUcp:Negotiation:ProfileFetchTimeout", "00:00:01");
        builder.UseSetting("WixUcp:PublicBaseUrl", "https://shop.test/");
        builder.UseSetting("Sample:ServeDemoPlatformProfile", "false");
        builder.UseSetting("WixUcp:Signing:PrivateKeyPem", SigningKeyPem);

        // Most tests are about the protocol, not credentials; the authentication tests switch it back on.
        builder.UseSetting("WixUcp:Auth:Enabled", "false");
        builder.UseSetting("WixUcp:Auth:ApiKeyPepper", ApiKeyPepper);

        // Nor about budgets (tests send many requests at once); the rate-limit tests switch them back on.
        builder.UseSetting("WixUcp:RateLimits:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(collection =>
        {
            collection.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(Logs));
            services?.Invoke(collection);
        });
    }

    private static string CreateSigningKeyPem()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<(string, LogLevel, string)> logs) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, logs);

        public void Dispose()
        {
        }
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<(string, LogLevel, string)> logs) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                logs.Enqueue((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
