using System.Reflection;
using System.Runtime.CompilerServices;
using WixUcp.Operations;

namespace WixUcp.Core.Tests.Architecture;

/// <summary>The seams the packages rely on, checked on the built assembly so a regression fails the build's tests.</summary>
public sealed class PackageBoundaryTests
{
    private static readonly Assembly Core = typeof(UcpOperations).Assembly;

    [Fact]
    public void Core_references_no_web_framework()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_test_and_benchmark_assemblies_see_Core_internals()
    {
        var friends = Core.GetCustomAttributes<InternalsVisibleToAttribute>().Select(a => a.AssemblyName).ToList();

        Assert.NotEmpty(friends);
        Assert.All(friends, name => Assert.True(name.EndsWith(".Tests", StringComparison.Ordinal) || name == "WixUcp.Benchmarks", name));
    }
}
