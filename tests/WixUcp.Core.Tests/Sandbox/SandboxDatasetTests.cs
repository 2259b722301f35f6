using WixUcp.Core.Tests.TestSupport;
using WixUcp.Sandbox;

namespace WixUcp.Core.Tests.Sandbox;

public sealed class SandboxDatasetTests
{
    // --- the sample host's dataset (samples/WixUcp.SampleHost/data/sandbox) ---

    [Fact]
    public void Sample_host_dataset_has_every_row()
    {
        var data = SandboxDataset.Load(TestData.SampleHostDataset);

        // One entry per data row of each CSV file.
        Assert.Equal(8, data.Products.Count);
        Assert.Equal(8, data.Inventory.Count);
        Assert.Equal(2, data.Discounts.Count);
        Assert.Equal(3, data.ShippingRates.Count);
        Assert.Equal(2, data.Promotions.Count);
        Assert.Equal(2, data.Customers.Count);
    }

    [Fact]
    public void Sample_host_products_split_categories_and_keep_prices_in_minor_units()
    {
        var data = SandboxDataset.Load(TestData.SampleHostDataset);

        var sencha = Assert.Single(data.Products, p => p.Id == "tea_sencha");
        Assert.Equal("Sencha Green Tea 100g", sencha.Title);
        Assert.Equal(1200, sencha.Price);
        Assert.Equal(["tea", "green tea"], sencha.Categories);
        Assert.Equal("Bright steamed green tea from Shizuoka.", sencha.Description);
        Assert.Equal("https://images.example.com/tea/sencha.jpg", sencha.ImageUrl);
        Assert.Equal(0, data.Inventory["tea_gift_box"]);
        Assert.Equal(60, data.Inventory["tea_matcha"]);
    }

    [Fact]
    public void Sample_host_promotions_parse_minimum_subtotal()
    {
        var data = SandboxDataset.Load(TestData.SampleHostDataset);

        var minimum = Assert.Single(data.Promotions, p => p.Id == "promo_free_75");
        Assert.Equal("free_shipping", minimum.Type);
        Assert.Equal(7500, minimum.MinSubtotal);
        Assert.Empty(minimum.EligibleItemIds);
        var teapot = Assert.Single(data.Promotions, p => p.Id == "promo_teapot");
        Assert.Null(teapot.MinSubtotal);
        Assert.Equal("Free standard shipping with any teapot", teapot.Description);
    }

    [Fact]
    public void Sample_host_promotion_eligible_items_come_from_the_json_array_cell()
    {
        var data = SandboxDataset.Load(TestData.SampleHostDataset);

        // promotions.csv: promo_teapot,free_shipping,,["pot_cast_iron"],Free standard shipping with any teapot
        var teapot = Assert.Single(data.Promotions, p => p.Id == "promo_teapot");
        Assert.Equal(["pot_cast_iron"], teapot.EligibleItemIds);
    }

    [Fact]
    public void Sample_host_customers_carry_their_addresses_and_empty_cells_are_null()
    {
        var data = SandboxDataset.Load(TestData.SampleHostDataset);

        var ada = Assert.Single(data.Customers, c => c.Email == "ada@example.com");
        Assert.Equal("Ada Lovelace", ada.Name);
        Assert.Equal(["addr_ada_home", "addr_ada_work"], ada.Addresses.Select(a => a.Id));
        var home = ada.Addresses[0].Address;
        Assert.Equal("12 St James's Square", home.StreetAddress);
        Assert.Equal("London", home.AddressLocality);
        Assert.Null(home.AddressRegion); // the state cell is empty
        Assert.Equal("SW1Y 4JH", home.PostalCode);
        Assert.Equal("GB", home.AddressCountry);
        Assert.Single(Assert.Single(data.Customers, c => c.Id == "cust_alan").Addresses);
    }

    [Fact]
    public void Discount_codes_are_looked_up_case_insensitively()
    {
        var data = SandboxDataset.Load(TestData.SampleHostDataset);

        Assert.True(data.Discounts.TryGetValue("steep10", out var steep));
        Assert.Equal("STEEP10", steep.Code);
        Assert.Equal("percentage", steep.Type);
        Assert.Equal(10, steep.Value);
        Assert.Equal("$5.00 off your first order", data.Discounts["WELCOME5"].Description);
    }

    // --- the official UCP flower_shop dataset (shared, read in place) ---

    [Fact]
    public void Flower_shop_dataset_has_every_row()
    {
        var data = SandboxDataset.Load(TestData.FlowerShopDataset());

        Assert.Equal(6, data.Products.Count);
        Assert.Equal(6, data.Inventory.Count);
        Assert.Equal(3, data.Discounts.Count);
        Assert.Equal(3, data.ShippingRates.Count);
        Assert.Equal(2, data.Promotions.Count);
        Assert.Equal(3, data.Customers.Count);
    }

    [Fact]
    public void Flower_shop_minimum_subtotal_promotion()
    {
        var data = SandboxDataset.Load(TestData.FlowerShopDataset());

        // promo_1,free_shipping,10000,,Free Shipping on orders over $100
        var minimum = Assert.Single(data.Promotions, p => p.Id == "promo_1");
        Assert.Equal(10000, minimum.MinSubtotal);
        Assert.Empty(minimum.EligibleItemIds);
        Assert.Equal("Free Shipping on orders over $100", minimum.Description);
        var roses = Assert.Single(data.Promotions, p => p.Id == "promo_2");
        Assert.Null(roses.MinSubtotal);
        Assert.Equal("Free Shipping on Rose Bouquets", roses.Description);
    }

    [Fact]
    public void Flower_shop_promotion_eligible_items_come_from_the_json_array_cell()
    {
        var data = SandboxDataset.Load(TestData.FlowerShopDataset());

        // promotions.csv: promo_2,free_shipping,,["bouquet_roses"],Free Shipping on Rose Bouquets
        var roses = Assert.Single(data.Promotions, p => p.Id == "promo_2");
        Assert.Equal(["bouquet_roses"], roses.EligibleItemIds);
    }

    [Fact]
    public void Flower_shop_last_rows_of_files_without_trailing_newline_are_read()
    {
        var data = SandboxDataset.Load(TestData.FlowerShopDataset());

        // discounts.csv ends with "FIXED500,fixed_amount,500,$5.00 Off" and no newline.
        var fixedAmount = data.Discounts["FIXED500"];
        Assert.Equal("fixed_amount", fixedAmount.Type);
        Assert.Equal(500, fixedAmount.Value);
        Assert.Equal("$5.00 Off", fixedAmount.Description);

        // products.csv ends with the gardenias row and no newline.
        var gardenias = data.Products[^1];
        Assert.Equal("gardenias", gardenias.Id);
        Assert.Equal(2000, gardenias.Price);
        Assert.Equal("https://example.com/gardenias.jpg", gardenias.ImageUrl);
    }

    [Fact]
    public void Flower_shop_products_without_optional_columns_and_customers_without_addresses()
    {
        var data = SandboxDataset.Load(TestData.FlowerShopDataset());

        var roses = Assert.Single(data.Products, p => p.Id == "bouquet_roses");
        Assert.Equal("Bouquet of Red Roses", roses.Title);
        Assert.Equal(3500, roses.Price);
        Assert.Null(roses.Description);
        Assert.Empty(roses.Categories);
        Assert.Equal(0, data.Inventory["gardenias"]);
        Assert.Equal(["addr_1", "addr_2"], Assert.Single(data.Customers, c => c.Email == "john.doe@example.com").Addresses.Select(a => a.Id));
        Assert.Empty(Assert.Single(data.Customers, c => c.Email == "jane.doe@example.com").Addresses);
        var rate = Assert.Single(data.ShippingRates, r => r.Id == "exp-ship-us");
        Assert.Equal(("US", "express", 1500L, "Express Shipping (US)"), (rate.CountryCode, rate.ServiceLevel, rate.Price, rate.Title));
    }

    // --- malformed datasets ---

    [Fact]
    public void Directory_without_products_csv_is_rejected()
    {
        using var dataset = new TempDataset().With("inventory.csv", "product_id,quantity", "a,1");

        var error = Assert.Throws<InvalidDataException>(() => SandboxDataset.Load(dataset.DirectoryPath));

        Assert.Contains("products.csv", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_directory_is_rejected()
    {
        var missing = Path.Combine(Path.GetTempPath(), "wixucp-core-tests-missing-" + Guid.NewGuid().ToString("N"));

        Assert.Throws<InvalidDataException>(() => SandboxDataset.Load(missing));
    }

    [Fact]
    public void Non_integer_price_names_file_and_column()
    {
        using var dataset = new TempDataset().With("products.csv", "id,title,price", "mug,Mug,12.50");

        var error = Assert.Throws<InvalidDataException>(() => SandboxDataset.Load(dataset.DirectoryPath));

        Assert.Contains("products.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'price'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_integer_inventory_quantity_names_file_and_column()
    {
        using var dataset = new TempDataset()
            .With("products.csv", "id,title,price", "mug,Mug,1250")
            .With("inventory.csv", "product_id,quantity", "mug,lots");

        var error = Assert.Throws<InvalidDataException>(() => SandboxDataset.Load(dataset.DirectoryPath));

        Assert.Contains("inventory.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'quantity'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_required_cell_names_the_column()
    {
        using var dataset = new TempDataset().With("products.csv", "id,title,price", "mug,,1250");

        var error = Assert.Throws<InvalidDataException>(() => SandboxDataset.Load(dataset.DirectoryPath));

        Assert.Contains("products.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("'title'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_products_csv_is_required()
    {
        using var dataset = new TempDataset().With("products.csv", "id,title,price", "mug,Mug,1250", "cup,Cup,800");

        var data = SandboxDataset.Load(dataset.DirectoryPath);

        Assert.Equal(["mug", "cup"], data.Products.Select(p => p.Id));
        Assert.Empty(data.Inventory);
        Assert.Empty(data.Discounts);
        Assert.Empty(data.ShippingRates);
        Assert.Empty(data.Promotions);
        Assert.Empty(data.Customers);
    }

    [Fact]
    public void Headers_are_matched_case_insensitively_and_cells_trimmed()
    {
        using var dataset = new TempDataset().With("products.csv", " ID , Title ,PRICE", " mug , Big Mug , 1250 ");

        var product = Assert.Single(SandboxDataset.Load(dataset.DirectoryPath).Products);

        Assert.Equal(("mug", "Big Mug", 1250L), (product.Id, product.Title, product.Price));
    }

    [Fact]
    public void Eligible_items_accept_a_quoted_json_array_and_a_semicolon_list()
    {
        using var dataset = new TempDataset()
            .With("products.csv", "id,title,price", "a,A,100")
            .With(
                "promotions.csv",
                "id,type,min_subtotal,eligible_item_ids,description",
                "p_json,free_shipping,,\"[\"\"a\"\", \"\"b\"\"]\",Json",
                "p_list,free_shipping,,a; b ;c,List");

        var promotions = SandboxDataset.Load(dataset.DirectoryPath).Promotions;

        Assert.Equal(["a", "b"], promotions[0].EligibleItemIds);
        Assert.Equal(["a", "b", "c"], promotions[1].EligibleItemIds);
    }

    [Fact]
    public void Eligible_items_accept_an_unquoted_json_array_cell()
    {
        using var dataset = new TempDataset()
            .With("products.csv", "id,title,price", "a,A,100")
            .With("promotions.csv", "id,type,min_subtotal,eligible_item_ids,description", "p,free_shipping,,[\"a\"],Json");

        var promotion = Assert.Single(SandboxDataset.Load(dataset.DirectoryPath).Promotions);

        Assert.Equal(["a"], promotion.EligibleItemIds);
    }
}
