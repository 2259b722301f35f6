namespace WixUcp.Core.Tests.TestSupport;

/// <summary>A throw-away sandbox dataset directory under the system temp folder.</summary>
internal sealed class TempDataset : IDisposable
{
    public TempDataset()
    {
        DirectoryPath = Path.Combine(Path.GetTempPath(), "wixucp-core-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DirectoryPath);
    }

    public string DirectoryPath { get; }

    /// <summary>Writes one CSV file; lines are joined with '\n' and no trailing newline is added.</summary>
    public TempDataset With(string fileName, params string[] lines)
    {
        File.WriteAllText(Path.Combine(DirectoryPath, fileName), string.Join('\n', lines));
        return this;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder does not affect other tests.
        }
    }
}
