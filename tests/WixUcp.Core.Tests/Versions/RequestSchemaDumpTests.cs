using WixUcp.Versions.V20260408;
namespace WixUcp.Core.Tests.Versions;
public sealed class RequestSchemaDumpTests
{
    [Fact]
    public void Dump()
    {
        var codec = new Codec20260408();
        foreach (var (name, schema) in codec.RequestSchemas)
        {
            File.WriteAllText($"/tmp/schema_{name}.json", System.Text.Json.Nodes.JsonNode.Parse(schema.Document.GetRawText())!.ToJsonString());
        }
    }
}
