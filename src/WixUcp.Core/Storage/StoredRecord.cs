namespace WixUcp.Storage;

/// <summary>The envelope of every stored record: a format version first, so later formats can read older bytes.</summary>
internal sealed class StoredRecord<T>
    where T : class
{
    public int V { get; set; }

    public required T Data { get; set; }
}
