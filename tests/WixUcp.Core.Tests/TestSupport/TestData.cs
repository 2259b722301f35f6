using System.Diagnostics;

namespace WixUcp.Core.Tests.TestSupport;

/// <summary>Locates the datasets the tests read: the sample host's own data and the official UCP sample data.</summary>
internal static class TestData
{
    /// <summary>Overrides the folder that contains <c>flower_shop/</c>.</summary>
    public const string UcpTestDataVariable = "WIXUCP_UCP_TESTDATA";

    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The folder holding WixUcp.sln.</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The sample host's sandbox dataset (part of this repository).</summary>
    public static string SampleHostDataset => Path.Combine(RepositoryRoot, "samples", "WixUcp.SampleHost", "data", "sandbox");

    /// <summary>
    /// The official UCP flower_shop dataset, read in place from the shared folder (never copied into the repository).
    /// Skips the calling test when it is absent, except on CI where its absence is a failure.
    /// </summary>
    public static string FlowerShopDataset()
    {
        var configured = Environment.GetEnvironmentVariable(UcpTestDataVariable);
        var container = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "ucp-testdata"))
            : Path.GetFullPath(configured);
        var directory = Path.Combine(container, "flower_shop");
        if (File.Exists(Path.Combine(directory, "products.csv")))
        {
            return directory;
        }

        var message = $"The official UCP sample dataset was not found at '{directory}'. "
            + $"Set {UcpTestDataVariable} to the folder that contains flower_shop/ to run this test.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
        throw new UnreachableException();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WixUcp.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' contains WixUcp.sln.");
    }
}
