namespace Microsoft.Extensions.DependencyInjection;

internal sealed class WixUcpBuilder(IServiceCollection services) : IWixUcpBuilder
{
    public IServiceCollection Services { get; } = services;
}
