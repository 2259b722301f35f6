namespace WixUcp.Sandbox;

/// <summary>Settings of the embedded sandbox store.</summary>
public sealed class SandboxOptions
{
    /// <summary>
    /// Directory of CSV files in the layout of the official UCP samples (products.csv, inventory.csv, discounts.csv,
    /// shipping_rates.csv, promotions.csv, customers.csv, addresses.csv, payment_instruments.csv). Only products.csv is required.
    /// </summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>ISO 4217 currency of every price in the dataset.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Registry name of the sandbox payment handler in the profile.</summary>
    public string PaymentHandlerName { get; set; } = "dev.wixucp.sandbox_payment";

    /// <summary>Handler instance id that instruments reference (the official sample data uses <c>mock_payment_handler</c>).</summary>
    public string PaymentHandlerId { get; set; } = "mock_payment_handler";

    /// <summary>
    /// How long placing an order takes, as a remote store's payment call would; zero (the default) answers at once.
    /// For load tests and shutdown drills, which need requests that are still in flight.
    /// </summary>
    public TimeSpan PlaceOrderLatency { get; set; }
}
