namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Present when <c>AddWixUcp()</c> ran; <c>MapWixUcp()</c> checks for it.</summary>
internal sealed class WixUcpMarkerService;
