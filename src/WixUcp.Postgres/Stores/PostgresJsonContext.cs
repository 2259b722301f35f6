using System.Text.Json.Serialization;

namespace WixUcp.Postgres.Stores;

/// <summary>Source-generated JSON for the jsonb columns.</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PostgresJsonContext : JsonSerializerContext;
