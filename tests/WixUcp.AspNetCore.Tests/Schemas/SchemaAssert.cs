using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Schemas;

/// <summary>
/// Test assertions that a UCP document conforms to the official 2026-04-08 schemas. When the schema folder
/// cannot be found the test is skipped locally, but fails on CI (<c>CI=true</c>) so coverage is never lost silently.
/// </summary>
internal static class SchemaAssert
{
    private const int MaxDocumentChars = 4000;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Asserts that <paramref name="json"/> is a valid <paramref name="kind"/> document.</summary>
    public static void Valid(string json, UcpDocumentKind kind, params string[] activeCheckoutExtensions) =>
        Valid(Parse(json), kind, activeCheckoutExtensions);

    /// <summary>Asserts that <paramref name="document"/> is a valid <paramref name="kind"/> document.</summary>
    public static void Valid(JsonNode document, UcpDocumentKind kind, params string[] activeCheckoutExtensions) =>
        ValidIn("2026-04-08", document, kind, activeCheckoutExtensions);

    /// <summary>Asserts that <paramref name="json"/> is a valid <paramref name="kind"/> document of <paramref name="version"/>.</summary>
    public static void ValidIn(string version, string json, UcpDocumentKind kind, params string[] activeCheckoutExtensions) =>
        ValidIn(version, Parse(json), kind, activeCheckoutExtensions);

    /// <summary>Asserts that <paramref name="document"/> is a valid <paramref name="kind"/> document of <paramref name="version"/>.</summary>
    public static void ValidIn(string version, JsonNode document, UcpDocumentKind kind, params string[] activeCheckoutExtensions)
    {
        ArgumentNullException.ThrowIfNull(document);
        var schemas = Schemas(version);
        var errors = schemas.Validate(document, kind, activeCheckoutExtensions);
        if (errors.Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .Append("UCP ").Append(kind).Append(" document does not conform to the ").Append(schemas.Folder)
            .Append(" schemas").Append(activeCheckoutExtensions.Length == 0 ? string.Empty : " (extensions: " + string.Join(", ", activeCheckoutExtensions) + ")")
            .Append(" - ").Append(errors.Count).AppendLine(" error(s):");
        foreach (var error in errors)
        {
            message.Append("  - ").AppendLine(error);
        }

        var text = document.ToJsonString(Indented);
        message.AppendLine("Document:").Append(text.Length <= MaxDocumentChars ? text : text[..MaxDocumentChars] + "\n... (truncated)");
        Assert.Fail(message.ToString());
    }

    /// <summary>
    /// Asserts that <paramref name="json"/> is NOT a valid <paramref name="kind"/> document and returns the errors,
    /// for tests that prove a rule is enforced.
    /// </summary>
    public static IReadOnlyList<string> Invalid(string json, UcpDocumentKind kind, params string[] activeCheckoutExtensions)
    {
        var errors = Schemas().Validate(Parse(json), kind, activeCheckoutExtensions);
        if (errors.Count == 0)
        {
            Assert.Fail($"Expected the document to be an invalid UCP {kind}, but it validated:\n{json}");
        }

        return errors;
    }

    /// <summary>The loaded schemas; skips (or on CI fails) the current test when they cannot be found.</summary>
    public static UcpSchemas Schemas() => Schemas("2026-04-08");

    /// <summary>The loaded schemas of <paramref name="version"/>; skips (or on CI fails) the current test when they cannot be found.</summary>
    public static UcpSchemas Schemas(string version)
    {
        var schemas = UcpSchemas.TryLoad(version, out var reason);
        if (schemas is not null)
        {
            return schemas;
        }

        var message = $"UCP JSON schemas not found: {reason} Set the environment variable {UcpSchemas.RootEnvironmentVariable} "
            + $"to the folder that contains '{UcpSchemas.VersionFolder}/' (the project's shared/ucp-schemas).";
        SharedData.Unavailable(message);
        throw new UnreachableException(); // Unavailable always throws
    }

    private static JsonNode Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonNode.Parse(json) ?? throw new JsonException("The document is the JSON literal null.");
        }
        catch (JsonException ex)
        {
            Assert.Fail($"Not a JSON document ({ex.Message}):\n{(json.Length <= MaxDocumentChars ? json : json[..MaxDocumentChars])}");
            throw; // unreachable: Assert.Fail throws
        }
    }
}
