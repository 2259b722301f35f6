namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddWixUcp()</c>; storage, backend and security packages hang their registrations off it.</summary>
public interface IWixUcpBuilder
{
    IServiceCollection Services { get; }
}
