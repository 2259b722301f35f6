using WixUcp.Protocol;

namespace WixUcp.Core.Tests.Protocol;

public sealed class StructuredFieldParserTests
{
    private static IReadOnlyDictionary<string, StructuredFieldMember> ParseOk(string input)
    {
        var ok = StructuredFieldParser.TryParseDictionary(input, out var dictionary, out var error);
        Assert.True(ok, $"expected '{input}' to parse, got: {error}");
        Assert.Null(error);
        return dictionary!;
    }

    private static string ParseFails(string input)
    {
        var ok = StructuredFieldParser.TryParseDictionary(input, out var dictionary, out var error);
        Assert.False(ok, $"expected '{input}' to fail");
        Assert.Null(dictionary);
        Assert.False(string.IsNullOrWhiteSpace(error));
        return error!;
    }

    private static object SingleValue(string input, string key = "a")
    {
        var dictionary = ParseOk(input);
        Assert.True(dictionary.TryGetValue(key, out var member));
        Assert.False(member.IsInnerList);
        return member.Value!;
    }

    // --- UCP-Agent examples ---

    [Fact]
    public void Ucp_agent_profile_only()
    {
        var dictionary = ParseOk("profile=\"https://platform.example/.well-known/ucp\"");

        Assert.Single(dictionary);
        Assert.True(dictionary["profile"].TryGetString(out var profile));
        Assert.Equal("https://platform.example/.well-known/ucp", profile);
        Assert.Empty(dictionary["profile"].Parameters);
    }

    [Fact]
    public void Ucp_agent_profile_with_version_parameter()
    {
        var dictionary = ParseOk("profile=\"http://localhost:8000/profile\"; version=\"2026-04-08\"");

        Assert.Single(dictionary);
        var member = dictionary["profile"];
        Assert.True(member.TryGetString(out var profile));
        Assert.Equal("http://localhost:8000/profile", profile);
        Assert.True(member.TryGetStringParameter("version", out var version));
        Assert.Equal("2026-04-08", version);
        Assert.Equal("2026-04-08", member.Item!.Parameters["version"]);
    }

    [Fact]
    public void Ucp_agent_with_unrelated_members_still_parses()
    {
        var dictionary = ParseOk(
            "profile=\"https://p.example/ucp\";version=\"2026-04-08\", caps=(checkout \"orders\");v=2, "
            + "trace=:3q2+7w==:, debug, weight=0.25, n=-7, off=?0");

        Assert.True(dictionary["profile"].TryGetString(out var profile));
        Assert.Equal("https://p.example/ucp", profile);
        Assert.True(dictionary["caps"].IsInnerList);
        Assert.True(dictionary["trace"].TryGetByteSequence(out var trace));
        Assert.Equal(new byte[] { 0xDE, 0xAD, 0xBE, 0xEF }, trace);
        Assert.True(dictionary["debug"].TryGetBoolean(out var debug));
        Assert.True(debug);
        Assert.True(dictionary["weight"].TryGetDecimal(out var weight));
        Assert.Equal(0.25m, weight);
        Assert.True(dictionary["n"].TryGetInteger(out var n));
        Assert.Equal(-7L, n);
        Assert.True(dictionary["off"].TryGetBoolean(out var off));
        Assert.False(off);
    }

    [Fact]
    public void Ucp_agent_profile_as_token_is_not_a_string()
    {
        var member = ParseOk("profile=https")["profile"];

        Assert.False(member.TryGetString(out _));
        Assert.True(member.TryGetToken(out var token));
        Assert.Equal("https", token.Value);
    }

    [Fact]
    public void Ucp_agent_version_parameter_must_be_a_string_to_be_read_as_one()
    {
        var member = ParseOk("profile=\"x\";version=2026")["profile"];

        Assert.False(member.TryGetStringParameter("version", out _));
        Assert.True(member.TryGetParameter<long>("version", out var version));
        Assert.Equal(2026L, version);
        Assert.False(member.TryGetStringParameter("missing", out _));
    }

    // --- parameters ---

    [Fact]
    public void Parameters_on_item_member_of_every_type()
    {
        var member = ParseOk("a=1;s=\"x\";t=tok;i=-3;d=1.5;b=:AQI=:;f=?0;flag")["a"];

        Assert.True(member.TryGetInteger(out var value));
        Assert.Equal(1L, value);
        var p = member.Parameters;
        Assert.Equal(7, p.Count);
        Assert.Equal("x", p["s"]);
        Assert.Equal(new StructuredFieldToken("tok"), p["t"]);
        Assert.Equal(-3L, p["i"]);
        Assert.Equal(1.5m, p["d"]);
        Assert.Equal(new byte[] { 1, 2 }, (byte[])p["b"]);
        Assert.Equal(false, p["f"]);
        Assert.Equal(true, p["flag"]);
    }

    [Fact]
    public void Parameters_on_bare_key_member()
    {
        var member = ParseOk("a;q=2, b")["a"];

        Assert.True(member.TryGetBoolean(out var value));
        Assert.True(value);
        Assert.Equal(2L, member.Parameters["q"]);
    }

    [Fact]
    public void Duplicate_parameter_last_wins()
    {
        var member = ParseOk("a=1;p=1;p=2")["a"];

        Assert.Single(member.Parameters);
        Assert.Equal(2L, member.Parameters["p"]);
    }

    [Fact]
    public void Parameter_keys_are_ordinal()
    {
        var member = ParseOk("a=1;p=1")["a"];

        Assert.False(member.Parameters.ContainsKey("P"));
    }

    [Theory]
    [InlineData("a=1;P=2")]
    [InlineData("a=1;=2")]
    [InlineData("a=1;")]
    [InlineData("a=1;p=")]
    [InlineData("a=1;p= 2")]
    [InlineData("a=1;p =2")]
    [InlineData("a=1;p=(1)")]
    public void Malformed_parameters_fail(string input) => ParseFails(input);

    // --- booleans ---

    [Fact]
    public void Boolean_members_without_value()
    {
        var dictionary = ParseOk("a, b=?0");

        Assert.Equal(2, dictionary.Count);
        Assert.Equal(true, dictionary["a"].Value);
        Assert.Equal(false, dictionary["b"].Value);
    }

    [Fact]
    public void Explicit_true_boolean() => Assert.Equal(true, SingleValue("a=?1"));

    [Theory]
    [InlineData("a=?")]
    [InlineData("a=?2")]
    [InlineData("a=?true")]
    public void Malformed_booleans_fail(string input) => ParseFails(input);

    // --- inner lists ---

    [Fact]
    public void Inner_list_with_items_and_parameters()
    {
        var member = ParseOk("a=(\"foo\";x=1 bar 42);lvl=5")["a"];

        Assert.True(member.IsInnerList);
        Assert.Null(member.Item);
        Assert.Null(member.Value);
        Assert.False(member.TryGetString(out _));
        Assert.True(member.TryGetInnerList(out var items));
        Assert.Equal(3, items.Count);
        Assert.True(items[0].TryGetString(out var first));
        Assert.Equal("foo", first);
        Assert.Equal(1L, items[0].Parameters["x"]);
        Assert.True(items[1].TryGetToken(out var second));
        Assert.Equal("bar", second.Value);
        Assert.Empty(items[1].Parameters);
        Assert.True(items[2].TryGetInteger(out var third));
        Assert.Equal(42L, third);
        Assert.Equal(5L, member.Parameters["lvl"]);
    }

    [Fact]
    public void Empty_inner_list()
    {
        var member = ParseOk("a=()")["a"];

        Assert.True(member.TryGetInnerList(out var items));
        Assert.Empty(items);
        Assert.Empty(member.Parameters);
    }

    [Fact]
    public void Inner_list_allows_extra_spaces_inside_parentheses()
    {
        var member = ParseOk("a=(  1   2  )")["a"];

        Assert.Equal(2, member.InnerList!.Count);
    }

    [Fact]
    public void Item_member_is_not_an_inner_list()
    {
        var member = ParseOk("a=1")["a"];

        Assert.False(member.TryGetInnerList(out _));
        Assert.Null(member.InnerList);
    }

    [Theory]
    [InlineData("a=(1 2")]
    [InlineData("a=(")]
    [InlineData("a=(1,2)")]
    [InlineData("a=(1\t2)")]
    [InlineData("a=((1))")]
    [InlineData("a=(1)x")]
    [InlineData("a=(\"x\"\"y\")")]
    public void Malformed_inner_lists_fail(string input) => ParseFails(input);

    // --- integers and decimals ---

    [Theory]
    [InlineData("a=0", 0L)]
    [InlineData("a=-0", 0L)]
    [InlineData("a=42", 42L)]
    [InlineData("a=-42", -42L)]
    [InlineData("a=042", 42L)]
    [InlineData("a=999999999999999", 999_999_999_999_999L)]
    [InlineData("a=-999999999999999", -999_999_999_999_999L)]
    [InlineData("a=000000000000001", 1L)]
    public void Integers_parse(string input, long expected)
    {
        var value = SingleValue(input);

        Assert.IsType<long>(value);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("a=1000000000000000")]
    [InlineData("a=-1000000000000000")]
    [InlineData("a=0000000000000001")]
    public void Integer_too_long_fails(string input)
    {
        var error = ParseFails(input);

        Assert.Contains("integer", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=1.5", "1.5")]
    [InlineData("a=-1.5", "-1.5")]
    [InlineData("a=0.001", "0.001")]
    [InlineData("a=1.50", "1.5")]
    [InlineData("a=-0.0", "0")]
    [InlineData("a=123456789012.123", "123456789012.123")]
    [InlineData("a=-123456789012.123", "-123456789012.123")]
    [InlineData("a=999999999999.999", "999999999999.999")]
    public void Decimals_parse(string input, string expected)
    {
        var value = SingleValue(input);

        Assert.IsType<decimal>(value);
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), (decimal)value);
    }

    [Theory]
    [InlineData("a=1234567890123.1")]
    [InlineData("a=1.1234")]
    [InlineData("a=1.")]
    [InlineData("a=-1.")]
    [InlineData("a=.5")]
    [InlineData("a=-")]
    [InlineData("a=--1")]
    [InlineData("a=-a")]
    [InlineData("a=1.2.3")]
    [InlineData("a=4-2")]
    [InlineData("a=- 1")]
    public void Malformed_numbers_fail(string input) => ParseFails(input);

    // --- strings ---

    [Theory]
    [InlineData("a=\"\"", "")]
    [InlineData("a=\"hello world\"", "hello world")]
    [InlineData("a=\"say \\\"hi\\\"\"", "say \"hi\"")]
    [InlineData("a=\"back\\\\slash\"", "back\\slash")]
    [InlineData("a=\"~!#$%&'()*+,-./:;<=>?@[]^_`{|}\"", "~!#$%&'()*+,-./:;<=>?@[]^_`{|}")]
    public void Strings_parse(string input, string expected)
    {
        var value = SingleValue(input);

        Assert.Equal(expected, Assert.IsType<string>(value));
    }

    [Theory]
    [InlineData("a=\"abc")]
    [InlineData("a=\"abc\\\"")]
    [InlineData("a=\"abc\\")]
    public void Unterminated_string_fails(string input)
    {
        var error = ParseFails(input);

        Assert.Contains("unterminated string", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=\"\\n\"")]
    [InlineData("a=\"\\x\"")]
    [InlineData("a=\"\\'\"")]
    public void Bad_escape_fails(string input)
    {
        var error = ParseFails(input);

        Assert.Contains("escape", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=\"caf\u00e9\"")]
    [InlineData("a=\"\u2603\"")]
    [InlineData("a=tok\u00e9")]
    public void Non_ascii_character_fails(string input) => ParseFails(input);

    [Theory]
    [InlineData("a=\"tab\there\"")]
    [InlineData("a=\"nl\nhere\"")]
    [InlineData("a=\"del\u007fhere\"")]
    public void Control_character_in_string_fails(string input) => ParseFails(input);

    // --- byte sequences ---

    [Theory]
    [InlineData("a=:aGVsbG8=:", "hello")]
    [InlineData("a=:aGVsbG8:", "hello")]
    [InlineData("a=:aGk=:", "hi")]
    [InlineData("a=:aGk:", "hi")]
    [InlineData("a=::", "")]
    [InlineData("a=:YR==:", "a")] // non-zero pad bits are tolerated, as RFC 8941 §4.2.7 recommends
    public void Byte_sequences_parse(string input, string expectedAscii)
    {
        var member = ParseOk(input)["a"];

        Assert.True(member.TryGetByteSequence(out var bytes));
        Assert.Equal(System.Text.Encoding.ASCII.GetBytes(expectedAscii), bytes);
    }

    [Fact]
    public void Byte_sequence_with_parameters()
    {
        var member = ParseOk("a=:AAEC:;enc=raw")["a"];

        Assert.True(member.TryGetByteSequence(out var bytes));
        Assert.Equal(new byte[] { 0, 1, 2 }, bytes);
        Assert.Equal(new StructuredFieldToken("raw"), member.Parameters["enc"]);
    }

    [Theory]
    [InlineData("a=:aGVsbG8=")]
    [InlineData("a=:")]
    [InlineData("a=:aGVs bG8=:")]
    [InlineData("a=:aGVs-bG8=:")]
    [InlineData("a=:a:")]
    [InlineData("a=:aG=k:")]
    public void Malformed_byte_sequences_fail(string input) => ParseFails(input);

    // --- tokens ---

    [Theory]
    [InlineData("a=foo", "foo")]
    [InlineData("a=*", "*")]
    [InlineData("a=*foo", "*foo")]
    [InlineData("a=Foo", "Foo")]
    [InlineData("a=text/html", "text/html")]
    [InlineData("a=urn:x:y", "urn:x:y")]
    [InlineData("a=a!#$%&'*+-.^_`|~9", "a!#$%&'*+-.^_`|~9")]
    public void Tokens_parse(string input, string expected)
    {
        var value = SingleValue(input);

        var token = Assert.IsType<StructuredFieldToken>(value);
        Assert.Equal(expected, token.Value);
        Assert.Equal(expected, token.ToString());
    }

    [Theory]
    [InlineData("a=9abc")]
    [InlineData("a=/abc")]
    [InlineData("a=foo@bar")]
    [InlineData("a=foo\"bar\"")]
    public void Malformed_tokens_fail(string input) => ParseFails(input);

    // --- keys ---

    [Theory]
    [InlineData("a_b-c.d*e9=1", "a_b-c.d*e9")]
    [InlineData("*k=1", "*k")]
    [InlineData("z", "z")]
    public void Keys_parse(string input, string key) => Assert.True(ParseOk(input).ContainsKey(key));

    [Theory]
    [InlineData("=1")]
    [InlineData("a=1, =2")]
    [InlineData(", a=1")]
    public void Empty_key_fails(string input) => ParseFails(input);

    [Theory]
    [InlineData("A=1")]
    [InlineData("aB=1")]
    [InlineData("a=1, Profile=\"x\"")]
    public void Uppercase_key_fails(string input) => ParseFails(input);

    [Theory]
    [InlineData("1a=1")]
    [InlineData("_a=1")]
    [InlineData("-a=1")]
    public void Key_with_invalid_first_character_fails(string input) => ParseFails(input);

    [Fact]
    public void Duplicate_member_last_wins()
    {
        var dictionary = ParseOk("a=1, b=2, a=\"three\";p");

        Assert.Equal(2, dictionary.Count);
        Assert.True(dictionary["a"].TryGetString(out var a));
        Assert.Equal("three", a);
        Assert.Equal(true, dictionary["a"].Parameters["p"]);
    }

    [Fact]
    public void Keys_are_ordinal()
    {
        var dictionary = ParseOk("profile=\"x\"");

        Assert.False(dictionary.ContainsKey("Profile"));
    }

    // --- whitespace ---

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("   ")]
    public void Empty_or_blank_input_is_empty_dictionary(string input) => Assert.Empty(ParseOk(input));

    [Theory]
    [InlineData("a=1,b=2")]
    [InlineData("a=1, b=2")]
    [InlineData("a=1 ,b=2")]
    [InlineData("a=1   ,   b=2")]
    [InlineData("a=1\t,\tb=2")]
    [InlineData(" a=1, b=2 ")]
    [InlineData("   a=1,b=2   ")]
    [InlineData("a=1, b=2\t")]
    public void Optional_whitespace_around_commas_and_field(string input)
    {
        var dictionary = ParseOk(input);

        Assert.Equal(2, dictionary.Count);
        Assert.Equal(1L, dictionary["a"].Value);
        Assert.Equal(2L, dictionary["b"].Value);
    }

    [Theory]
    [InlineData("a=1; p=2")]
    [InlineData("a=1;   p=2")]
    [InlineData("a;  p=2")]
    [InlineData("a=(1); p=2")]
    public void Spaces_after_semicolon_are_allowed(string input) =>
        Assert.Equal(2L, ParseOk(input)["a"].Parameters["p"]);

    [Theory]
    [InlineData("a=1 ;p=2")]
    [InlineData("a=1;\tp=2")]
    [InlineData("a =1")]
    [InlineData("a= 1")]
    [InlineData("\ta=1")]
    [InlineData("a=1,\u000bb=2")]
    public void Whitespace_in_disallowed_places_fails(string input) => ParseFails(input);

    // --- structural failures ---

    [Theory]
    [InlineData("a=1,")]
    [InlineData("a=1, ")]
    [InlineData("a=1,\t")]
    [InlineData("a=1,,b=2")]
    public void Trailing_or_doubled_comma_fails(string input)
    {
        var error = ParseFails(input);

        Assert.Contains("position", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a=1 x")]
    [InlineData("a=1 b=2")]
    [InlineData("a=\"x\"y")]
    [InlineData("a=\"x\" \"y\"")]
    [InlineData("a=1;p=2 garbage")]
    [InlineData("a=?1?0")]
    [InlineData("a=1)")]
    [InlineData("a=1;p=\"x\"=")]
    public void Garbage_after_member_fails(string input) => ParseFails(input);

    [Fact]
    public void Missing_value_after_equals_fails() => ParseFails("a=");

    [Fact]
    public void Null_input_fails_without_throwing()
    {
        var ok = StructuredFieldParser.TryParseDictionary(null!, out var dictionary, out var error);

        Assert.False(ok);
        Assert.Null(dictionary);
        Assert.NotNull(error);
    }

    [Fact]
    public void Error_reports_position()
    {
        var error = ParseFails("profile=\"x\", version=\"bad\\q\"");

        Assert.Contains("position 25", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arbitrary_input_never_throws()
    {
        // Exhaustive-ish robustness check: every short combination of the grammar's
        // significant characters must parse or fail cleanly.
        const string alphabet = "a=1;\"\\:( ),?.-*\tZ\u00e9";
        var buffer = new char[4];
        var count = 0;
        for (var i0 = 0; i0 < alphabet.Length; i0++)
        {
            for (var i1 = 0; i1 < alphabet.Length; i1++)
            {
                for (var i2 = 0; i2 < alphabet.Length; i2++)
                {
                    for (var i3 = 0; i3 < alphabet.Length; i3++)
                    {
                        buffer[0] = alphabet[i0];
                        buffer[1] = alphabet[i1];
                        buffer[2] = alphabet[i2];
                        buffer[3] = alphabet[i3];
                        var input = new string(buffer);
                        var ok = StructuredFieldParser.TryParseDictionary(input, out var dictionary, out var error);
                        Assert.True(ok ? dictionary is not null && error is null : dictionary is null && error is not null, input);
                        count++;
                    }
                }
            }
        }

        Assert.True(count > 0);
    }
}
