namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>The server under test with <c>WixUcp:Negotiation:Mode = Strict</c>: the specification's rules to the letter.</summary>
public sealed class StrictUcpFixture() : UcpFixture(new Dictionary<string, string> { ["WixUcp:Negotiation:Mode"] = "Strict" });
