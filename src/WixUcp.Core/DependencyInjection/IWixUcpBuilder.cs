namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Returned by <c>AddWixUcp()</c>; storage, backend and security packages hang their registrations off it.</summary>
public interface IWixUcpBuilder
{
    /// <summary>The service collection the WixUcp services were added to.</summary>
    IServiceCollection Services { get; }
}
