namespace WixUcp.AspNetCore.Tests.Schemas;

/// <summary>
/// The UCP documents <see cref="UcpSchemas"/> can validate, each mapped to its root in the
/// official 2026-04-08 schemas.
/// </summary>
internal enum UcpDocumentKind
{
    /// <summary><c>/.well-known/ucp</c>: <c>discovery/profile_schema.json#/$defs/business_profile</c>.</summary>
    BusinessProfile,

    /// <summary>A platform profile: <c>discovery/profile_schema.json#/$defs/platform_profile</c>.</summary>
    PlatformProfile,

    /// <summary>Any checkout response: <c>oneOf [checkout.json + active extensions, types/error_response.json]</c>.</summary>
    CheckoutResponse,

    /// <summary>Get order: <c>rest.openapi.json#/components/schemas/order_response</c> (<c>oneOf [order.json, error_response]</c>).</summary>
    OrderResponse,

    /// <summary><c>catalog_search.json#/$defs/search_response</c>.</summary>
    CatalogSearchResponse,

    /// <summary><c>catalog_lookup.json#/$defs/lookup_response</c>.</summary>
    CatalogLookupResponse,

    /// <summary><c>oneOf [catalog_lookup.json#/$defs/get_product_response, error_response]</c>.</summary>
    CatalogGetProductResponse,

    /// <summary><c>types/error_response.json</c>.</summary>
    ErrorResponse,

    /// <summary>Create checkout body: checkout.json + active extensions, resolved for <c>create</c>.</summary>
    CheckoutCreateRequest,

    /// <summary>Update checkout body: checkout.json + active extensions, resolved for <c>update</c>.</summary>
    CheckoutUpdateRequest,

    /// <summary>Complete checkout body: checkout.json + active extensions, resolved for <c>complete</c>.</summary>
    CheckoutCompleteRequest,

    /// <summary><c>catalog_search.json#/$defs/search_request</c>.</summary>
    CatalogSearchRequest,

    /// <summary><c>catalog_lookup.json#/$defs/lookup_request</c>.</summary>
    CatalogLookupRequest,

    /// <summary><c>catalog_lookup.json#/$defs/get_product_request</c>.</summary>
    CatalogGetProductRequest,

    /// <summary>An order webhook body (2026-01-23: the order plus <c>event_id</c> and <c>created_time</c>).</summary>
    OrderEvent,

    /// <summary><c>cart.json</c> (with the discount extension's cart definition when active), or an error response.</summary>
    CartResponse,

    /// <summary>The create request view of <c>cart.json</c>.</summary>
    CartCreateRequest,

    /// <summary>The update request view of <c>cart.json</c>.</summary>
    CartUpdateRequest,
}
