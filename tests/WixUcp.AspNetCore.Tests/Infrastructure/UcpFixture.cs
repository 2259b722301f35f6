namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>One fake platform and one server under test, shared by a test class.</summary>
public sealed class UcpFixture : IAsyncLifetime
{
    public FakePlatform Platform { get; } = new();

    public UcpAppFactory App { get; } = new();

    public UcpClient Client(string profile = FakePlatform.AllCapabilities) => new(App.CreateClient(), Platform.Agent(profile));

    public async ValueTask InitializeAsync() => await Platform.InitializeAsync();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Platform.DisposeAsync();
    }
}
