namespace WixUcp.Sandbox;

/// <summary>A shipping rate for a country, or for every country when <see cref="CountryCode"/> is <c>default</c>.</summary>
internal sealed record SandboxShippingRate(string Id, string CountryCode, string ServiceLevel, long Price, string Title);
