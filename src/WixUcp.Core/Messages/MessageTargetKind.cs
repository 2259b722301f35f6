namespace WixUcp.Messages;

/// <summary>
/// The member of a request or resource that a message is about, named by meaning rather than by a wire path: each
/// protocol version renders it as that version's JSONPath.
/// </summary>
public enum MessageTargetKind
{
    /// <summary>The whole document.</summary>
    Document,

    /// <summary>The list of line items.</summary>
    LineItems,

    /// <summary>One line item (<see cref="MessageTarget.Index"/>).</summary>
    LineItem,

    /// <summary>The item id of one line item.</summary>
    LineItemItemId,

    /// <summary>The quantity of one line item.</summary>
    LineItemQuantity,

    /// <summary>The buyer's email address.</summary>
    BuyerEmail,

    /// <summary>The list of fulfillment methods.</summary>
    FulfillmentMethods,

    /// <summary>The type (shipping, pickup) of one fulfillment method (<see cref="MessageTarget.Method"/>).</summary>
    FulfillmentMethodType,

    /// <summary>The line items one fulfillment method covers.</summary>
    FulfillmentMethodLineItems,

    /// <summary>The destinations of one fulfillment method.</summary>
    FulfillmentDestinations,

    /// <summary>One destination (<see cref="MessageTarget.Index"/>) of one fulfillment method.</summary>
    FulfillmentDestination,

    /// <summary>The selected destination of one fulfillment method.</summary>
    FulfillmentSelectedDestination,

    /// <summary>The selected option of one group (<see cref="MessageTarget.Index"/>) of one fulfillment method.</summary>
    FulfillmentSelectedOption,

    /// <summary>The list of discount codes.</summary>
    DiscountCodes,

    /// <summary>One discount code as sent (<see cref="MessageTarget.Index"/>).</summary>
    DiscountCode,

    /// <summary>The list of payment instruments.</summary>
    PaymentInstruments,

    /// <summary>One payment instrument (<see cref="MessageTarget.Index"/>).</summary>
    PaymentInstrument,

    /// <summary>The handler id of one payment instrument.</summary>
    PaymentInstrumentHandler,

    /// <summary>The type of one payment instrument.</summary>
    PaymentInstrumentType,

    /// <summary>The credential of one payment instrument.</summary>
    PaymentInstrumentCredential,

    /// <summary>The page size of a catalog search.</summary>
    PaginationLimit,

    /// <summary>The page cursor of a catalog search.</summary>
    PaginationCursor,

    /// <summary>The ids of a catalog lookup.</summary>
    LookupIds,

    /// <summary>The product id of a get-product request.</summary>
    ProductId,
}
