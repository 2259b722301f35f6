using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using WixUcp.Commerce;

namespace WixUcp.Sandbox;

/// <summary>A sandbox store read from a directory of CSV files (the layout of the official UCP sample data).</summary>
internal sealed class SandboxDataset
{
    public required IReadOnlyList<SandboxProduct> Products { get; init; }
    public required IReadOnlyDictionary<string, long> Inventory { get; init; }
    public required IReadOnlyDictionary<string, SandboxDiscount> Discounts { get; init; }
    public required IReadOnlyList<SandboxShippingRate> ShippingRates { get; init; }
    public required IReadOnlyList<SandboxPromotion> Promotions { get; init; }
    public required IReadOnlyList<SandboxCustomer> Customers { get; init; }

    public static SandboxDataset Load(string directory)
    {
        if (!File.Exists(Path.Combine(directory, "products.csv")))
        {
            throw new InvalidDataException($"The sandbox dataset directory '{directory}' has no products.csv.");
        }

        var addresses = Read(directory, "addresses.csv", row => (
            CustomerId: row.Required("customer_id"),
            Address: new SavedAddress
            {
                Id = row.Required("id"),
                Address = new PostalAddress
                {
                    StreetAddress = row.Optional("street_address"),
                    AddressLocality = row.Optional("city"),
                    AddressRegion = row.Optional("state"),
                    PostalCode = row.Optional("postal_code"),
                    AddressCountry = row.Optional("country"),
                },
            }));

        return new SandboxDataset
        {
            Products = Read(directory, "products.csv", row => new SandboxProduct(
                row.Required("id"),
                row.Required("title"),
                row.Amount("price"),
                row.Optional("image_url"),
                row.Optional("description"),
                row.Optional("category")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [])),
            Inventory = Read(directory, "inventory.csv", row => (Id: row.Required("product_id"), Quantity: row.Amount("quantity")))
                .ToDictionary(x => x.Id, x => x.Quantity, StringComparer.Ordinal),
            Discounts = Read(directory, "discounts.csv", row => new SandboxDiscount(row.Required("code"), row.Required("type"), row.Amount("value"), row.Optional("description") ?? row.Required("code")))
                .ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase),
            ShippingRates = Read(directory, "shipping_rates.csv", row => new SandboxShippingRate(
                row.Required("id"), row.Required("country_code"), row.Required("service_level"), row.Amount("price"), row.Required("title"))),
            Promotions = Read(directory, "promotions.csv", row => new SandboxPromotion(
                row.Required("id"),
                row.Required("type"),
                row.Optional("min_subtotal") is null ? null : row.Amount("min_subtotal"),
                ParseIdList(row.Optional("eligible_item_ids")),
                row.Optional("description") ?? "Promotion")),
            Customers = Read(directory, "customers.csv", row => (Id: row.Required("id"), Name: row.Optional("name") ?? "", Email: row.Required("email")))
                .Select(c => new SandboxCustomer(c.Id, c.Name, c.Email, addresses.Where(a => a.CustomerId == c.Id).Select(a => a.Address).ToList()))
                .ToList(),
        };
    }

    // Lists come as a JSON array (the official sample data: ["a","b"]) or separated by ';'. CSV readers differ in
    // what they leave of the quotes inside an unquoted cell, so brackets and quotes are stripped rather than parsed.
    private static string[] ParseIdList(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Trim().TrimStart('[').TrimEnd(']')
                .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(id => id.Trim('"', '\'', ' '))
                .Where(id => id.Length > 0)
                .ToArray();

    private static List<T> Read<T>(string directory, string file, Func<Row, T> map)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            return [];
        }

        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,

            // The sample data writes JSON arrays unquoted (["a"]); take such cells as they are.
            BadDataFound = null,
            PrepareHeaderForMatch = args => args.Header.Trim().ToLowerInvariant(),
        };
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, configuration);
        var result = new List<T>();
        if (!csv.Read())
        {
            return result;
        }

        csv.ReadHeader();
        while (csv.Read())
        {
            result.Add(map(new Row(csv, file)));
        }

        return result;
    }

    private readonly struct Row(CsvReader csv, string file)
    {
        public string Required(string name) =>
            Optional(name) ?? throw new InvalidDataException($"{file} line {csv.Parser.Row}: column '{name}' is required.");

        // Missing columns read as null (MissingFieldFound is off); malformed cells are not hidden.
        public string? Optional(string name) =>
            csv.GetField(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        public long Amount(string name) =>
            long.TryParse(Required(name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : throw new InvalidDataException($"{file} line {csv.Parser.Row}: column '{name}' must be an integer.");
    }
}
