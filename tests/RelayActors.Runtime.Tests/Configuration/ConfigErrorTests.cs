using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigErrorTests
{
    [Theory]
    [InlineData("a = \"open\nb = 1", "app.conf:1:5: unterminated string")]
    [InlineData("a = \"\"\"never closed", "app.conf:1:5: unterminated triple-quoted string")]
    [InlineData("a = \"bad \\q escape\"", "app.conf:1:10: invalid escape '\\q' in string")]
    [InlineData("x y\nb = 1", "app.conf:1:4: expected '=' or ':' after key 'x y', found newline")]
    [InlineData("a = 1\n}", "app.conf:2:1: unbalanced '}'")]
    [InlineData("{ a = 1 }\n}", "app.conf:2:1: unbalanced '}'")]
    [InlineData("{ a = 1 }\nb = 2", "app.conf:2:1: expected end of input after the root object, found 'b'")]
    [InlineData("a {\n  b = 1\n", "app.conf:3:1: expected '}' to close the '{' opened at line 1, found end of input")]
    [InlineData("a = [1, 2", "app.conf:1:10: expected ']' to close the '[' opened at line 1, found end of input")]
    [InlineData("a = ${b", "app.conf:1:5: unterminated substitution '${b', expected '}'")]
    [InlineData("a =\nb = 1", "app.conf:1:4: expected a value for 'a', found newline")]
    [InlineData("a..b = 1", "app.conf:1:1: invalid key 'a..b': empty path element")]
    [InlineData("a = { x = 1 } 2", "app.conf:1:15: expected ',' or newline after a field, found '2'")]
    [InlineData("a = foo [1]", "app.conf:1:9: unexpected '[' in the value of 'a' (objects and lists cannot be concatenated)")]
    public void Parse_SyntaxError_ThrowsWithLineColumnFoundAndExpected(string text, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Config.Parse(text, "app.conf"));

        Assert.Equal(expected, error.Message);
        Assert.Null(error.Path);
    }

    [Fact]
    public void Parse_SyntaxErrorWithoutOrigin_UsesStringOrigin()
    {
        var error = Assert.Throws<ConfigurationException>(() => Config.Parse("a = 1\n}"));

        Assert.Equal("<string>:2:1", error.Origin);
    }

    [Fact]
    public void GetInt_MissingKey_ThrowsNamingFullPath()
    {
        var config = Config.Parse("relay-actors { runtime { } }");

        var error = Assert.Throws<ConfigurationException>(() => config.GetConfig("relay-actors").GetInt("runtime.throughput"));

        Assert.Equal("relay-actors.runtime.throughput is missing; expected an integer", error.Message);
        Assert.Equal("relay-actors.runtime.throughput", error.Path);
        Assert.Null(error.Origin);
    }

    [Fact]
    public void GetInt_TextValue_ThrowsWithPathValueAndOrigin()
    {
        var config = Config.Parse("a {\n  b = many\n}", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetConfig("a").GetInt("b"));

        Assert.Equal("a.b = many (app.conf:2): expected an integer", error.Message);
        Assert.Equal("app.conf:2", error.Origin);
    }

    [Fact]
    public void GetInt_DecimalValue_ThrowsExpectedInteger()
    {
        var config = Config.Parse("a = 1.5", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("a"));

        Assert.Equal("a = 1.5 (app.conf:1): expected an integer", error.Message);
    }

    [Fact]
    public void GetInt_BeyondIntRange_ThrowsWithIntBounds()
    {
        var config = Config.Parse("a = 3000000000", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("a"));

        Assert.Equal("a = 3000000000 (app.conf:1): expected an integer between -2147483648 and 2147483647", error.Message);
    }

    [Fact]
    public void GetBoolean_OtherText_ThrowsListingBooleanForms()
    {
        var config = Config.Parse("a = maybe", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetBoolean("a"));

        Assert.Equal("a = maybe (app.conf:1): expected a boolean (true/false, yes/no, on/off)", error.Message);
    }

    [Fact]
    public void GetString_ObjectValue_ThrowsFoundObject()
    {
        var config = Config.Parse("a { b = 1 }", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetString("a"));

        Assert.Equal("a = { b = 1 } (app.conf:1): expected a string, found an object", error.Message);
    }

    [Fact]
    public void GetDouble_NullValue_ThrowsFoundNull()
    {
        var config = Config.Parse("a = null", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetDouble("a"));

        Assert.Equal("a = null (app.conf:1): expected a number, found null", error.Message);
    }

    [Fact]
    public void GetStringList_ScalarValue_ThrowsExpectedList()
    {
        var config = Config.Parse("peers = alpha", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetStringList("peers"));

        Assert.Equal("peers = alpha (app.conf:1): expected a list of strings", error.Message);
    }

    [Fact]
    public void GetDoubleList_BadElement_ThrowsNamingElementIndex()
    {
        var config = Config.Parse("w = [1, two, 3]", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetDoubleList("w"));

        Assert.Equal("w[1] = two (app.conf:1): expected a number", error.Message);
        Assert.Equal("w", error.Path);
    }

    [Fact]
    public void GetConfig_ScalarValue_ThrowsExpectedObject()
    {
        var config = Config.Parse("a = \"text\"", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetConfig("a"));

        Assert.Equal("a = \"text\" (app.conf:1): expected an object", error.Message);
    }

    [Fact]
    public void GetInt_QuotedKeyWithDots_ShowsKeyQuotedInPath()
    {
        var config = Config.Parse("hosts { \"node.example.org\" = x }", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("hosts.\"node.example.org\""));

        Assert.Equal("hosts.\"node.example.org\" = x (app.conf:1): expected an integer", error.Message);
    }
}
