namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>One fake platform and one server under test (the sample host's defaults: Tolerant negotiation), shared by a test class.</summary>
public class UcpFixture : IAsyncLifetime
{
    public UcpFixture()
        : this(null)
    {
    }

    protected UcpFixture(IReadOnlyDictionary<string, string>? settings, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? services = null) =>
        App = new UcpAppFactory(settings, services);

    public FakePlatform Platform { get; } = new();

    public UcpAppFactory App { get; }

    public UcpClient Client(string profile = FakePlatform.AllCapabilities) => new(App.CreateClient(), Platform.Agent(profile));

    public async ValueTask InitializeAsync() => await Platform.InitializeAsync();

    public virtual async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Platform.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
