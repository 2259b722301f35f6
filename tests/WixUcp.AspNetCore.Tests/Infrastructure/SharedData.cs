namespace WixUcp.AspNetCore.Tests.Infrastructure;

/// <summary>Finds the shared reference data (schemas, datasets) that tests read in place beside the repository.</summary>
internal static class SharedData
{
    /// <summary>The folder holding WixUcp.sln above the test binaries, or null.</summary>
    public static DirectoryInfo? RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "WixUcp.sln")))
            {
                return directory;
            }
        }

        return null;
    }

    /// <summary>The folder named by <paramref name="variable"/>, else <c>&lt;repo&gt;/../shared/&lt;sharedFolder&gt;</c>; null when neither is known.</summary>
    public static string? Folder(string variable, string sharedFolder)
    {
        var configured = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        return RepositoryRoot() is { } root ? Path.GetFullPath(Path.Combine(root.FullName, "..", "shared", sharedFolder)) : null;
    }

    /// <summary>Missing shared data skips the test locally and fails it under CI=true, so CI cannot pass by skipping.</summary>
    public static void Unavailable(string message)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        Assert.Skip(message);
    }
}
