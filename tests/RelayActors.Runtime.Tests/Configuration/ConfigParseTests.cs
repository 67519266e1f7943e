using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigParseTests
{
    [Fact]
    public void Parse_HashAndSlashComments_AreIgnored()
    {
        var config = Config.Parse("# leading\na = 1 # trailing\n// slashes\nb = 2 // trailing");

        Assert.Equal(["a", "b"], config.Keys);
        Assert.Equal(2, config.GetInt("b"));
    }

    [Theory]
    [InlineData("{ a = 1, b { c = x } }")]
    [InlineData("a = 1\nb { c = x }")]
    [InlineData("{\n  a: 1\n  b: { c: x }\n}\n")]
    public void Parse_WithOrWithoutRootBraces_ReadsSameTree(string text)
    {
        var config = Config.Parse(text);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal("x", config.GetString("b.c"));
    }

    [Fact]
    public void Parse_CommaSeparatedFieldsWithTrailingComma_ReadsAllFields()
    {
        var config = Config.Parse("a = 1, b = 2, c = 3,");

        Assert.Equal(["a", "b", "c"], config.Keys);
    }

    [Fact]
    public void Parse_CrLfLineEndings_ReadsFieldsAndTrimsCarriageReturn()
    {
        var config = Config.Parse("a = hello\r\nb = 2\r\n");

        Assert.Equal("hello", config.GetString("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Parse_EmptyText_ReturnsConfigWithoutKeys()
    {
        var config = Config.Parse("  \n# only a comment\n");

        Assert.Empty(config.Keys);
    }

    [Fact]
    public void Parse_QuotedKeyWithDots_IsOneKey()
    {
        var config = Config.Parse("hosts { \"node.example.org\" = 7 }");

        Assert.Equal(["node.example.org"], config.GetConfig("hosts").Keys);
        Assert.Equal(7, config.GetInt("hosts.\"node.example.org\""));
    }

    [Fact]
    public void Parse_QuotedStringWithJsonEscapes_Unescapes()
    {
        var config = Config.Parse("a = \"q\\\"b\\\\s\\/t\\tn\\nu\\u0041\"");

        Assert.Equal("q\"b\\s/t\tn\nuA", config.GetString("a"));
    }

    [Fact]
    public void Parse_TripleQuotedString_KeepsNewlinesAndBackslashesVerbatim()
    {
        var config = Config.Parse("a = \"\"\"line one\n  C:\\path \"quoted\"\"\"\"\nb = 2");

        Assert.Equal("line one\n  C:\\path \"quoted\"", config.GetString("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Fact]
    public void Parse_UnquotedStringWithInnerSpaces_IsTrimmedAndKeepsInnerWhitespace()
    {
        var config = Config.Parse("a =   hello  big world   # comment");

        Assert.Equal("hello  big world", config.GetString("a"));
    }

    [Fact]
    public void Parse_UnquotedValueWithColon_IsText()
    {
        var config = Config.Parse("address = localhost:8080");

        Assert.Equal("localhost:8080", config.GetString("address"));
    }

    [Theory]
    [InlineData("42", 42.0)]
    [InlineData("-7", -7.0)]
    [InlineData("2.5", 2.5)]
    [InlineData("-0.125", -0.125)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1.5E-2", 0.015)]
    public void GetDouble_NumberLiteral_ReturnsValue(string literal, double expected)
    {
        var config = Config.Parse("x = " + literal);

        Assert.Equal(expected, config.GetDouble("x"));
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData("on", true)]
    [InlineData("off", false)]
    [InlineData("\"true\"", true)]
    public void GetBoolean_BooleanLiteral_ReturnsValue(string literal, bool expected)
    {
        var config = Config.Parse("x = " + literal);

        Assert.Equal(expected, config.GetBoolean("x"));
    }

    [Fact]
    public void Parse_NullValue_IsPresentButHasPathIsFalse()
    {
        var config = Config.Parse("a = null");

        Assert.Equal(["a"], config.Keys);
        Assert.False(config.HasPath("a"));
    }

    [Fact]
    public void GetStringList_ArrayOverSeveralLines_ReturnsItemsInOrder()
    {
        var config = Config.Parse("peers = [\n  alpha\n  \"beta gamma\",\n  3,\n]");

        Assert.Equal(["alpha", "beta gamma", "3"], config.GetStringList("peers"));
    }

    [Fact]
    public void GetDoubleList_InlineArray_ReturnsNumbers()
    {
        var config = Config.Parse("weights = [0.5, -1, 2e2]");

        Assert.Equal([0.5, -1.0, 200.0], config.GetDoubleList("weights"));
    }

    [Fact]
    public void GetStringList_EmptyArray_ReturnsEmptyList()
    {
        var config = Config.Parse("peers = [ ]");

        Assert.Empty(config.GetStringList("peers"));
    }

    [Fact]
    public void Keys_AfterDuplicates_KeepsFirstWrittenOrder()
    {
        var config = Config.Parse("zeta = 1\nalpha = 2\nzeta = 3\nmid = 4");

        Assert.Equal(["zeta", "alpha", "mid"], config.Keys);
        Assert.Equal(3, config.GetInt("zeta"));
    }

    [Fact]
    public void Parse_ByteOrderMark_IsSkipped()
    {
        var config = Config.Parse("\uFEFFa = 1");

        Assert.Equal(1, config.GetInt("a"));
    }
}
