using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

using WixUcp.AspNetCore.Tests.Infrastructure;

namespace WixUcp.AspNetCore.Tests.Schemas;

/// <summary>
/// Validates UCP documents against the official JSON schemas of one UCP release (2026-04-08 by default, or
/// 2026-08-25 from its precut folder; draft 2020-12), read from disk once per release and test process. The schema
/// files are never copied into the repository. Each release has its own registry: their unversioned <c>$id</c>s collide.
/// </summary>
/// <remarks>
/// Apr ships no per-operation request schemas, so the checkout request views are derived in memory from the
/// annotated source schemas (see <see cref="DeriveRequestView"/>) and registered under
/// <c>https://ucp.dev/__{operation}/...</c>. Every root schema is built during the one load, so validation
/// never mutates shared state and is safe from parallel tests.
/// </remarks>
internal sealed class UcpSchemas
{
    /// <summary>Environment variable naming the folder that holds <c>v2026-04-08/</c>.</summary>
    public const string RootEnvironmentVariable = "WIXUCP_UCP_SCHEMAS";

    /// <summary>The schema release folder loaded by default (2026-04-08).</summary>
    public const string VersionFolder = "v2026-04-08";

    private const string UcpBase = "https://ucp.dev/";
    private const string WrapperBase = "https://wixucp.test/schemas/";
    private const string Draft202012 = "https://json-schema.org/draft/2020-12/schema";
    private const string CheckoutId = UcpBase + "schemas/shopping/checkout.json";
    private const string ProfileId = UcpBase + "discovery/profile_schema.json";

    // What differs between the releases for validation: the folder, where error_response lives, and the profile schema.
    // A generated release (January) ships per-operation files, registered under their paths: their $ids clash.
    private sealed record Release(string Version, string Folder, string ErrorResponseId, string BusinessProfile, string PlatformProfile, bool Generated = false);

    private static readonly Release[] Releases =
    [
        new("2026-04-08", VersionFolder, UcpBase + "schemas/shopping/types/error_response.json", ProfileId + "#/$defs/business_profile", ProfileId + "#/$defs/platform_profile"),
        new("2026-01-23", "v2026-01-23-generated", "", ProfileId + "#/$defs/business_profile", ProfileId + "#/$defs/platform_profile", Generated: true),
        new("2026-08-25", "v2026-08-25-precut", UcpBase + "schemas/common/types/error_response.json", UcpBase + "schemas/profile.json#/$defs/business_schema", UcpBase + "schemas/profile.json#/$defs/platform_schema"),
    ];
    private const string RestOpenApiId = UcpBase + "services/shopping/rest.openapi.json";
    private const string CatalogSearchId = UcpBase + "schemas/shopping/catalog_search.json";
    private const string CatalogLookupId = UcpBase + "schemas/shopping/catalog_lookup.json";
    private const string BaseCheckoutCapability = "dev.ucp.shopping.checkout";

    // Capability name, schema file, and the $defs entry that is allOf [checkout.json, additions].
    private static readonly (string Name, string Id, string DefKey)[] CheckoutExtensions =
    [
        ("dev.ucp.shopping.fulfillment", UcpBase + "schemas/shopping/fulfillment.json", BaseCheckoutCapability),
        ("dev.ucp.shopping.discount", UcpBase + "schemas/shopping/discount.json", BaseCheckoutCapability),
        ("dev.ucp.shopping.buyer_consent", UcpBase + "schemas/shopping/buyer_consent.json", BaseCheckoutCapability),
        ("dev.ucp.shopping.ap2_mandate", UcpBase + "schemas/shopping/ap2_mandate.json", BaseCheckoutCapability),
        // Apr's cart.json still names its checkout extension entry plain "checkout".
        ("dev.ucp.shopping.cart", UcpBase + "schemas/shopping/cart.json", "checkout"),
    ];

    private static readonly string[] Operations = ["create", "update", "complete"];

    // Keywords whose object value maps names (not keywords) to subschemas.
    private static readonly FrozenSet<string> NameMapKeywords =
        FrozenSet.ToFrozenSet(["properties", "patternProperties", "dependentSchemas", "$defs", "definitions"], StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Lazy<(UcpSchemas? Schemas, string Reason)>> Shared =
        Releases.ToFrozenDictionary(r => r.Version, r => new Lazy<(UcpSchemas?, string)>(() => LoadShared(r), LazyThreadSafetyMode.ExecutionAndPublication), StringComparer.Ordinal);

    private readonly FrozenDictionary<(UcpDocumentKind Kind, int Extensions), JsonSchema> _roots;

    private UcpSchemas(string schemaDirectory, string folder, FrozenDictionary<(UcpDocumentKind Kind, int Extensions), JsonSchema> roots)
    {
        SchemaDirectory = schemaDirectory;
        Folder = folder;
        _roots = roots;
    }

    /// <summary>The release folder the schemas were loaded from.</summary>
    public string SchemaDirectory { get; }

    /// <summary>The release folder's name (for example <c>v2026-08-25-precut</c>).</summary>
    public string Folder { get; }

    /// <summary>Checkout extension capability names that can be composed onto checkout documents.</summary>
    public static IReadOnlyList<string> SupportedCheckoutExtensions { get; } = [.. CheckoutExtensions.Select(e => e.Name)];

    /// <summary>
    /// Returns the process-wide instance, loading it on first use; null (with <paramref name="reason"/>) when the
    /// schema folder cannot be found. Throws when the folder exists but cannot be loaded.
    /// </summary>
    public static UcpSchemas? TryLoad(out string reason) => TryLoad("2026-04-08", out reason);

    /// <summary>The schemas of <paramref name="version"/> (2026-04-08 or 2026-08-25), as <see cref="TryLoad(out string)"/>.</summary>
    public static UcpSchemas? TryLoad(string version, out string reason)
    {
        if (!Shared.TryGetValue(version, out var shared))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "No schema release is known for this version.");
        }

        var (schemas, why) = shared.Value;
        reason = why;
        return schemas;
    }

    /// <summary>
    /// Validates <paramref name="document"/> as <paramref name="kind"/>. Returns one readable line per error
    /// (instance location, message, schema location); empty when valid.
    /// </summary>
    /// <param name="document">The UCP JSON document.</param>
    /// <param name="kind">Which UCP document it is.</param>
    /// <param name="activeCheckoutExtensions">
    /// Negotiated checkout extensions (see <see cref="SupportedCheckoutExtensions"/>; the base
    /// <c>dev.ucp.shopping.checkout</c> is accepted and ignored). Used only for checkout kinds.
    /// </param>
    public IReadOnlyList<string> Validate(JsonNode document, UcpDocumentKind kind, IReadOnlyCollection<string>? activeCheckoutExtensions = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Validate(JsonSerializer.SerializeToElement(document), kind, activeCheckoutExtensions);
    }

    /// <inheritdoc cref="Validate(JsonNode, UcpDocumentKind, IReadOnlyCollection{string}?)"/>
    public IReadOnlyList<string> Validate(JsonElement document, UcpDocumentKind kind, IReadOnlyCollection<string>? activeCheckoutExtensions = null)
    {
        var extensions = IsCheckoutKind(kind) ? ExtensionMask(activeCheckoutExtensions) : 0;
        if (!_roots.TryGetValue((kind, extensions), out var schema))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown UCP document kind.");
        }

        // Hierarchical output lets us skip failures inside branches that did not decide the result
        // (e.g. the non-matching alternatives of a passing oneOf).
        var results = schema.Evaluate(document, new EvaluationOptions
        {
            OutputFormat = OutputFormat.Hierarchical,
            RequireFormatValidation = true,
        });
        if (results.IsValid)
        {
            return [];
        }

        var errors = new List<(string Key, string Text)>();
        CollectErrors(results, errors);
        return errors.Count == 0
            ? ["(root): invalid, but the validator reported no details"]
            : [.. errors.DistinctBy(e => e.Key).Select(e => e.Text)];
    }

    private static bool IsCheckoutKind(UcpDocumentKind kind) => kind is UcpDocumentKind.CheckoutResponse
        or UcpDocumentKind.CheckoutCreateRequest or UcpDocumentKind.CheckoutUpdateRequest or UcpDocumentKind.CheckoutCompleteRequest
        or UcpDocumentKind.CartResponse or UcpDocumentKind.CartCreateRequest or UcpDocumentKind.CartUpdateRequest;

    private static int ExtensionMask(IReadOnlyCollection<string>? activeCheckoutExtensions)
    {
        var mask = 0;
        foreach (var name in activeCheckoutExtensions ?? [])
        {
            if (string.Equals(name, BaseCheckoutCapability, StringComparison.Ordinal))
            {
                continue;
            }

            var index = Array.FindIndex(CheckoutExtensions, e => string.Equals(e.Name, name, StringComparison.Ordinal));
            if (index < 0)
            {
                throw new ArgumentException(
                    $"'{name}' is not a supported checkout extension; use any of: {string.Join(", ", SupportedCheckoutExtensions)}.",
                    nameof(activeCheckoutExtensions));
            }

            mask |= 1 << index;
        }

        return mask;
    }

    // Walks only failing nodes, so alternatives that did not decide the outcome stay out of the report.
    private static void CollectErrors(EvaluationResults result, List<(string Key, string Text)> errors)
    {
        if (result.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in result.Errors ?? new Dictionary<string, string>())
        {
            AddError(errors, result, keyword, message);
        }

        var parentPath = result.EvaluationPath.ToString();
        foreach (var group in (result.Details ?? []).GroupBy(d => KeywordOf(parentPath, d), StringComparer.Ordinal))
        {
            switch (group.Key)
            {
                // A failing "if" selects "else", and failing items of contains/not are expected; the keyword's own
                // message (if any) is already on the parent.
                case "if" or "not" or "contains":
                    break;
                case "oneOf" or "anyOf":
                    CollectAlternatives(result, group.Key, [.. group], errors);
                    break;
                default:
                    foreach (var detail in group)
                    {
                        CollectErrors(detail, errors);
                    }

                    break;
            }
        }
    }

    private static void CollectAlternatives(EvaluationResults parent, string keyword, EvaluationResults[] alternatives, List<(string Key, string Text)> errors)
    {
        var matched = alternatives.Count(a => a.IsValid);
        if (matched > 0)
        {
            if (keyword == "oneOf")
            {
                AddError(errors, parent, keyword, $"Value matches {matched} of the oneOf alternatives but must match exactly one");
            }

            return;
        }

        // None matched: report the alternative that came closest (fewest errors) rather than every branch.
        var branches = alternatives
            .Select(a =>
            {
                var branchErrors = new List<(string Key, string Text)>();
                CollectErrors(a, branchErrors);
                return branchErrors.DistinctBy(e => e.Key).ToList();
            })
            .ToList();
        var closest = branches.IndexOf(branches.MinBy(b => b.Count)!);
        AddError(errors, parent, keyword, string.Create(
            CultureInfo.InvariantCulture,
            $"Value matches none of the {alternatives.Length} {keyword} alternatives; errors of the closest one ({keyword}/{closest}) follow"));
        errors.AddRange(branches[closest]);
    }

    private static void AddError(List<(string Key, string Text)> errors, EvaluationResults result, string keyword, string message)
    {
        var location = result.InstanceLocation.ToString();
        var path = result.EvaluationPath.ToString();
        var key = $"{location}|{keyword}|{message}|{result.SchemaLocation}";
        errors.Add((key, $"{(location.Length == 0 ? "(root)" : location)}: {message} [{keyword} at {result.SchemaLocation}{(path.Length == 0 ? string.Empty : ", via " + path)}]"));
    }

    // The keyword that produced a child result: the first evaluation-path segment below the parent's.
    private static string KeywordOf(string parentPath, EvaluationResults child)
    {
        var path = child.EvaluationPath.ToString();
        if (!path.StartsWith(parentPath + "/", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var rest = path[(parentPath.Length + 1)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest : rest[..slash];
    }

    private static (UcpSchemas? Schemas, string Reason) LoadShared(Release release)
    {
        var directory = LocateSchemaDirectory(release.Folder, out var reason);
        return directory is null ? (null, reason) : (Load(directory, release), string.Empty);
    }

    private static string? LocateSchemaDirectory(string folder, out string reason)
    {
        // Without the variable: the schemas sit in shared/ beside the repository (<repo>/../shared/ucp-schemas).
        var root = SharedData.Folder(RootEnvironmentVariable, "ucp-schemas");
        if (root is null)
        {
            reason = $"{RootEnvironmentVariable} is not set and no WixUcp.sln was found above '{AppContext.BaseDirectory}'.";
            return null;
        }

        var directory = Path.Combine(root, folder);
        reason = Directory.Exists(directory) ? string.Empty : $"'{directory}' does not exist.";
        return reason.Length == 0 ? directory : null;
    }

    private static UcpSchemas Load(string directory, Release release)
    {
        if (release.Generated)
        {
            return LoadGenerated(directory, release);
        }

        var errorResponseId = release.ErrorResponseId;
        var sources = ReadSources(directory, everyPath: false);

        // Dialect fixed to 2020-12: the service files declare no $schema, and this dialect tolerates the
        // custom annotation keywords (ucp_request, name, ...).
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        foreach (var schema in sources.Values)
        {
            Build(schema, options);
        }

        var requestSources = RequestClosure(sources);
        foreach (var operation in Operations)
        {
            foreach (var id in requestSources)
            {
                Build(DeriveRequestView(sources[id], operation, requestSources), options);
            }
        }

        var roots = new Dictionary<(UcpDocumentKind Kind, int Extensions), JsonSchema>();
        JsonSchema Root(string name, JsonObject schema)
        {
            schema["$schema"] = Draft202012;
            schema["$id"] = WrapperBase + name + ".json";
            return Build(schema, options);
        }

        roots[(UcpDocumentKind.BusinessProfile, 0)] = Root("business_profile", Ref(release.BusinessProfile));
        roots[(UcpDocumentKind.PlatformProfile, 0)] = Root("platform_profile", Ref(release.PlatformProfile));
        roots[(UcpDocumentKind.OrderResponse, 0)] = Root("order_response", Ref(RestOpenApiId + "#/components/schemas/order_response"));
        roots[(UcpDocumentKind.CatalogSearchResponse, 0)] = Root("catalog_search_response", Ref(CatalogSearchId + "#/$defs/search_response"));
        roots[(UcpDocumentKind.CatalogLookupResponse, 0)] = Root("catalog_lookup_response", Ref(CatalogLookupId + "#/$defs/lookup_response"));
        roots[(UcpDocumentKind.CatalogGetProductResponse, 0)] =
            Root("catalog_get_product_response", Ref(RestOpenApiId + "#/components/schemas/catalog_get_product_response"));
        roots[(UcpDocumentKind.ErrorResponse, 0)] = Root("error_response", Ref(errorResponseId));
        roots[(UcpDocumentKind.CatalogSearchRequest, 0)] = Root("catalog_search_request", Ref(CatalogSearchId + "#/$defs/search_request"));
        roots[(UcpDocumentKind.CatalogLookupRequest, 0)] = Root("catalog_lookup_request", Ref(CatalogLookupId + "#/$defs/lookup_request"));
        roots[(UcpDocumentKind.CatalogGetProductRequest, 0)] =
            Root("catalog_get_product_request", Ref(CatalogLookupId + "#/$defs/get_product_request"));

        // Carts (2026-04-08 and later): with and without the discount extension's cart definition.
        var cartId = UcpBase + "schemas/shopping/cart.json";
        var discountId = UcpBase + "schemas/shopping/discount.json";
        if (sources.ContainsKey(cartId))
        {
            var discountBit = 1 << Array.FindIndex(CheckoutExtensions, e => e.Name == "dev.ucp.shopping.discount");
            foreach (var mask in new[] { 0, discountBit })
            {
                JsonObject Cart(string? operation)
                {
                    string Id(string id) => operation is null ? id : RequestViewId(id, operation);
                    var parts = new JsonArray(Ref(Id(cartId)));
                    if (mask != 0)
                    {
                        parts.Add(Ref(Id(discountId) + "#/$defs/dev.ucp.shopping.cart"));
                    }

                    return new JsonObject { ["allOf"] = parts };
                }

                var suffix = "/extensions-" + mask.ToString(CultureInfo.InvariantCulture);
                roots[(UcpDocumentKind.CartResponse, mask)] = Root("cart_response" + suffix, new JsonObject { ["oneOf"] = new JsonArray(Cart(null), Ref(errorResponseId)) });
                roots[(UcpDocumentKind.CartCreateRequest, mask)] = Root("cart_create_request" + suffix, Cart("create"));
                roots[(UcpDocumentKind.CartUpdateRequest, mask)] = Root("cart_update_request" + suffix, Cart("update"));
            }
        }

        // Every extension combination is built now so that validation never registers schemas concurrently.
        for (var mask = 0; mask < 1 << CheckoutExtensions.Length; mask++)
        {
            var suffix = "/extensions-" + mask.ToString(CultureInfo.InvariantCulture);
            var response = new JsonObject { ["oneOf"] = new JsonArray(CheckoutWithExtensions(mask, null), Ref(errorResponseId)) };
            roots[(UcpDocumentKind.CheckoutResponse, mask)] = Root("checkout_response" + suffix, response);
            roots[(UcpDocumentKind.CheckoutCreateRequest, mask)] = Root("checkout_create_request" + suffix, CheckoutWithExtensions(mask, "create"));
            roots[(UcpDocumentKind.CheckoutUpdateRequest, mask)] = Root("checkout_update_request" + suffix, CheckoutWithExtensions(mask, "update"));
            roots[(UcpDocumentKind.CheckoutCompleteRequest, mask)] =
                Root("checkout_complete_request" + suffix, CheckoutWithExtensions(mask, "complete"));
        }

        return new UcpSchemas(directory, release.Folder, roots.ToFrozenDictionary());
    }

    // Each file keyed by its $id. profile_schema.json declares .../schemas/discovery/profile.json, which breaks its
    // relative refs, and the OpenAPI/OpenRPC service files declare none: both get their path as $id.
    private static Dictionary<string, JsonObject> ReadSources(string directory, bool everyPath)
    {
        var sources = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var pathId = UcpBase + Path.GetRelativePath(directory, file).Replace(Path.DirectorySeparatorChar, '/');
            var schema = JsonNode.Parse(File.ReadAllText(file))?.AsObject()
                ?? throw new InvalidDataException($"'{file}' is not a JSON object.");
            if (everyPath || string.Equals(pathId, ProfileId, StringComparison.Ordinal) || schema["$id"] is null)
            {
                schema["$id"] = pathId;
            }

            sources.Add(schema["$id"]!.GetValue<string>(), schema);
        }

        return sources;
    }

    /// <summary>
    /// January (2026-01-23) as it shipped: per-operation request files (<c>checkout.create_req.json</c>, ...) and response
    /// files (<c>checkout_resp.json</c>, ...), each extension composing its <c>checkout</c> definition; the order webhook
    /// body is the OpenAPI's (order plus <c>event_id</c> and <c>created_time</c>). January has no catalog and no error_response.
    /// </summary>
    private static UcpSchemas LoadGenerated(string directory, Release release)
    {
        var sources = ReadSources(directory, everyPath: true);
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry(), Dialect = Dialect.Draft202012 };
        foreach (var schema in sources.Values)
        {
            Build(schema, options);
        }

        var roots = new Dictionary<(UcpDocumentKind Kind, int Extensions), JsonSchema>();
        JsonSchema Root(string name, JsonObject schema)
        {
            schema["$schema"] = Draft202012;
            schema["$id"] = WrapperBase + "v20260123/" + name + ".json";
            return Build(schema, options);
        }

        roots[(UcpDocumentKind.BusinessProfile, 0)] = Root("business_profile", Ref(release.BusinessProfile));
        roots[(UcpDocumentKind.PlatformProfile, 0)] = Root("platform_profile", Ref(release.PlatformProfile));
        roots[(UcpDocumentKind.OrderResponse, 0)] = Root("order", Ref(UcpBase + "schemas/shopping/order.json"));
        roots[(UcpDocumentKind.OrderEvent, 0)] = Root("order_event", Ref(RestOpenApiId + "#/webhooks/orderEvent/post/requestBody/content/application~1json/schema"));

        string? File(string extension, string suffix)
        {
            var id = UcpBase + "schemas/shopping/" + extension + suffix;
            return sources.ContainsKey(id) ? id : null;
        }

        for (var mask = 0; mask < 1 << CheckoutExtensions.Length; mask++)
        {
            foreach (var (kind, suffix) in new[] { (UcpDocumentKind.CheckoutResponse, "_resp.json"), (UcpDocumentKind.CheckoutCreateRequest, ".create_req.json"), (UcpDocumentKind.CheckoutUpdateRequest, ".update_req.json"), (UcpDocumentKind.CheckoutCompleteRequest, ".complete_req.json") })
            {
                var parts = new JsonArray(Ref(File("checkout", suffix)!));
                var composable = true;
                for (var i = 0; i < CheckoutExtensions.Length && composable; i++)
                {
                    if ((mask & (1 << i)) != 0)
                    {
                        var extension = CheckoutExtensions[i].Id[(UcpBase + "schemas/shopping/").Length..^".json".Length];
                        if (File(extension, suffix) is { } id)
                        {
                            parts.Add(Ref(id + "#/$defs/checkout"));
                        }
                        else
                        {
                            composable = false;
                        }
                    }
                }

                if (composable)
                {
                    roots[(kind, mask)] = Root(kind.ToString() + "/extensions-" + mask.ToString(CultureInfo.InvariantCulture), new JsonObject { ["allOf"] = parts });
                }
            }
        }

        return new UcpSchemas(directory, release.Folder, roots.ToFrozenDictionary());
    }

    private static JsonSchema Build(JsonObject schema, BuildOptions options) =>
        JsonSchema.Build(JsonSerializer.SerializeToElement(schema), options, new Uri(schema["$id"]!.GetValue<string>()));

    private static JsonObject Ref(string uri) => new() { ["$ref"] = uri };

    // operation null = response view (source schemas); otherwise the derived request view.
    private static JsonObject CheckoutWithExtensions(int mask, string? operation)
    {
        string Id(string id) => operation is null ? id : RequestViewId(id, operation);

        var parts = new JsonArray(Ref(Id(CheckoutId)));
        for (var i = 0; i < CheckoutExtensions.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                parts.Add(Ref(Id(CheckoutExtensions[i].Id) + "#/$defs/" + CheckoutExtensions[i].DefKey));
            }
        }

        return new JsonObject { ["allOf"] = parts };
    }

    private static string RequestViewId(string id, string operation) => UcpBase + "__" + operation + "/" + id[UcpBase.Length..];

    // checkout.json, the extension files, and every document they reference (transitively).
    private static HashSet<string> RequestClosure(Dictionary<string, JsonObject> sources)
    {
        var closure = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(CheckoutExtensions.Select(e => e.Id).Append(CheckoutId));
        while (pending.TryPop(out var id))
        {
            if (!closure.Add(id))
            {
                continue;
            }

            var references = new List<string>();
            CollectReferencedDocuments(sources[id], new Uri(id), references);
            foreach (var target in references)
            {
                if (!sources.ContainsKey(target))
                {
                    throw new InvalidDataException($"'{id}' references '{target}', which is not in the schema folder.");
                }

                pending.Push(target);
            }
        }

        return closure;
    }

    private static void CollectReferencedDocuments(JsonNode? node, Uri baseUri, List<string> references)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                CollectReferencedDocuments(item, baseUri, references);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (string.Equals(key, "$ref", StringComparison.Ordinal) && value is JsonValue reference
                    && reference.TryGetValue<string>(out var target))
                {
                    references.Add(new Uri(baseUri, target).GetLeftPart(UriPartial.Query));
                }
                else
                {
                    CollectReferencedDocuments(value, baseUri, references);
                }
            }
        }
    }

    /// <summary>
    /// Digest §7.3: copies a source schema, applies its <c>ucp_request</c> annotations for
    /// <paramref name="operation"/> (including those inside allOf branches and $defs), strips every
    /// <c>ucp_*</c> keyword, and moves the copy under <c>https://ucp.dev/__{operation}/</c> so relative refs
    /// land on the other resolved copies.
    /// </summary>
    private static JsonObject DeriveRequestView(JsonObject source, string operation, HashSet<string> requestSources)
    {
        var view = source.DeepClone().AsObject();
        var shared = view["ucp_shared_request"] is JsonValue flag && flag.TryGetValue<bool>(out var isShared) && isShared;
        ApplyRequestAnnotations(view, operation, shared);
        StripUcpKeywords(view, isNameMap: false);
        Reroot(view, operation, requestSources);
        return view;
    }

    private static void ApplyRequestAnnotations(JsonNode? node, string operation, bool shared)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                ApplyRequestAnnotations(item, operation, shared);
            }

            return;
        }

        if (node is not JsonObject schema)
        {
            return;
        }

        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties.ToArray())
            {
                if (property is not JsonObject definition || definition["ucp_request"] is not { } annotation)
                {
                    continue;
                }

                switch (RequestVisibility(annotation, operation, shared))
                {
                    case null:
                        break;
                    case "omit":
                        properties.Remove(name);
                        SetRequired(schema, name, required: false);
                        break;
                    case "optional":
                        SetRequired(schema, name, required: false);
                        break;
                    case "required":
                        SetRequired(schema, name, required: true);
                        break;
                    case var other:
                        throw new InvalidDataException($"Unknown ucp_request value '{other}' on property '{name}'.");
                }
            }
        }

        foreach (var (_, child) in schema.ToArray())
        {
            ApplyRequestAnnotations(child, operation, shared);
        }
    }

    /// <summary>
    /// The annotation's effect for one operation: a plain string applies to every operation; an object is keyed by
    /// operation, and a missing key (null) leaves the property unchanged. Files marked
    /// <c>ucp_shared_request</c> get one view for all operations: an object-valued annotation there (none exist in
    /// 2026-04-08) resolves to the most permissive outcome across create/update/complete.
    /// </summary>
    private static string? RequestVisibility(JsonNode annotation, string operation, bool shared)
    {
        string? For(string op) => annotation switch
        {
            JsonValue value when value.TryGetValue<string>(out var everyOperation) => everyOperation,
            JsonObject perOperation => perOperation[op]?.GetValue<string>(),
            _ => throw new InvalidDataException($"Unsupported ucp_request annotation {annotation.ToJsonString()}."),
        };

        if (!shared || annotation is JsonValue)
        {
            return For(operation);
        }

        var outcomes = Operations.Select(For).ToArray();
        if (outcomes.All(o => o is null))
        {
            return null;
        }

        return outcomes.All(o => o == "omit") ? "omit" : outcomes.All(o => o == "required") ? "required" : "optional";
    }

    private static void SetRequired(JsonObject schema, string name, bool required)
    {
        var list = schema["required"] as JsonArray;
        var present = list?.FirstOrDefault(n => n?.GetValue<string>() == name);
        if (required && present is null)
        {
            if (list is null)
            {
                list = new JsonArray();
                schema["required"] = list;
            }

            list.Add(name);
        }
        else if (!required && present is not null)
        {
            list!.Remove(present);
        }
    }

    private static void StripUcpKeywords(JsonNode? node, bool isNameMap)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                StripUcpKeywords(item, isNameMap: false);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToArray())
            {
                if (!isNameMap && key.StartsWith("ucp_", StringComparison.Ordinal))
                {
                    obj.Remove(key);
                }
                else
                {
                    StripUcpKeywords(child, isNameMap: !isNameMap && NameMapKeywords.Contains(key));
                }
            }
        }
    }

    // Moves $id (and any absolute ref into the copied set) under the operation prefix.
    private static void Reroot(JsonNode? node, string operation, HashSet<string> requestSources)
    {
        if (node is JsonArray array)
        {
            foreach (var item in array)
            {
                Reroot(item, operation, requestSources);
            }
        }
        else if (node is JsonObject obj)
        {
            foreach (var (key, child) in obj.ToArray())
            {
                if (child is JsonValue value && value.TryGetValue<string>(out var uri) && IsReroutable(key, uri, requestSources))
                {
                    obj[key] = RequestViewId(uri, operation);
                }
                else
                {
                    Reroot(child, operation, requestSources);
                }
            }
        }
    }

    private static bool IsReroutable(string key, string uri, HashSet<string> requestSources) =>
        (string.Equals(key, "$id", StringComparison.Ordinal) && uri.StartsWith(UcpBase, StringComparison.Ordinal))
        || (string.Equals(key, "$ref", StringComparison.Ordinal) && Uri.TryCreate(uri, UriKind.Absolute, out var absolute)
            && requestSources.Contains(absolute.GetLeftPart(UriPartial.Query)));
}
