using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigMergeTests
{
    [Fact]
    public void Parse_DottedKey_CreatesNestedObjects()
    {
        var config = Config.Parse("a.b.c = 1");

        Assert.Equal(["b"], config.GetConfig("a").Keys);
        Assert.Equal(1, config.GetInt("a.b.c"));
    }

    [Fact]
    public void Parse_DottedKeysAndBlocks_MergeIntoOneObject()
    {
        var config = Config.Parse("a.b.c = 1\na { b { d = 2 } }\na.e = 3");

        Assert.Equal(["b", "e"], config.GetConfig("a").Keys);
        Assert.Equal(["c", "d"], config.GetConfig("a.b").Keys);
    }

    [Fact]
    public void Parse_DuplicateObject_DeepMergesWithLaterLeafWinning()
    {
        var config = Config.Parse("a { x = 1, y = 2 }\na { y = 3, z = 4 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(3, config.GetInt("a.y"));
        Assert.Equal(4, config.GetInt("a.z"));
    }

    [Fact]
    public void Parse_ScalarAfterObject_ReplacesObject()
    {
        var config = Config.Parse("a { x = 1 }\na = 5");

        Assert.Equal(5, config.GetInt("a"));
    }

    [Fact]
    public void Parse_ObjectAfterScalar_ReplacesScalar()
    {
        var config = Config.Parse("a = 5\na { x = 1 }");

        Assert.Equal(1, config.GetInt("a.x"));
    }

    [Fact]
    public void WithFallback_SameLeaf_ThisWins()
    {
        var config = Config.Parse("a.x = 1").WithFallback(Config.Parse("a.x = 2"));

        Assert.Equal(1, config.GetInt("a.x"));
    }

    [Fact]
    public void WithFallback_DisjointLeaves_DeepMergesBoth()
    {
        var config = Config.Parse("a.x = 1").WithFallback(Config.Parse("a { y = 2 }\nb = 3"));

        Assert.Equal(["a", "b"], config.Keys);
        Assert.Equal(["x", "y"], config.GetConfig("a").Keys);
        Assert.Equal(3, config.GetInt("b"));
    }

    [Fact]
    public void WithFallback_ChainOfThree_FirstNonMissingWins()
    {
        var config = Config.Parse("a = 1")
            .WithFallback(Config.Parse("a = 2\nb = 2"))
            .WithFallback(Config.Parse("a = 3\nb = 3\nc = 3"));

        Assert.Equal([1, 2, 3], new[] { config.GetInt("a"), config.GetInt("b"), config.GetInt("c") });
    }

    [Fact]
    public void WithFallback_NullHere_HidesFallbackValue()
    {
        var config = Config.Parse("a = null").WithFallback(Config.Parse("a = 2"));

        Assert.False(config.HasPath("a"));
        Assert.Equal(7, config.GetInt("a", 7));
    }

    [Fact]
    public void WithFallback_Empty_LeavesValuesUnchanged()
    {
        var config = Config.Parse("a = 1").WithFallback(Config.Empty);

        Assert.Equal(1, config.GetInt("a"));
    }

    [Fact]
    public void WithValue_DurationText_OverridesExistingValue()
    {
        var config = Config.Parse("relay.timeout = 1s").WithValue("relay.timeout", "5ms");

        Assert.Equal(TimeSpan.FromMilliseconds(5), config.GetDuration("relay.timeout"));
    }

    [Fact]
    public void WithValue_ArrayText_ParsesList()
    {
        var config = Config.Empty.WithValue("a.b", "[1,2]");

        Assert.Equal([1.0, 2.0], config.GetDoubleList("a.b"));
    }

    [Fact]
    public void WithValue_QuotedText_Unquotes()
    {
        var config = Config.Empty.WithValue("name", "\"run 7, final\"");

        Assert.Equal("run 7, final", config.GetString("name"));
    }

    [Fact]
    public void WithValue_NewPath_KeepsSiblings()
    {
        var config = Config.Parse("a { x = 1 }").WithValue("a.y", "2");

        Assert.Equal(["x", "y"], config.GetConfig("a").Keys);
    }

    [Fact]
    public void WithValue_ValueInvalidForGetter_ReportsOverrideOrigin()
    {
        var config = Config.Parse("a = 1").WithValue("a", "lots");

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("a"));

        Assert.Equal("a = lots (override:1): expected an integer", error.Message);
    }

    [Fact]
    public void WithValue_UnterminatedString_ThrowsSyntaxError()
    {
        var error = Assert.Throws<ConfigurationException>(() => Config.Empty.WithValue("a", "\"open"));

        Assert.Equal("override:1:1: unterminated string", error.Message);
    }

    [Fact]
    public void WithValue_EmptyText_ThrowsNamingPath()
    {
        var error = Assert.Throws<ConfigurationException>(() => Config.Empty.WithValue("relay.timeout", " "));

        Assert.Equal("override:1:2: expected a value for 'relay.timeout', found end of input", error.Message);
    }

    [Fact]
    public void WithValue_SubstitutionText_ResolvesAgainstWholeConfig()
    {
        var config = Config.Parse("base = 4").WithValue("copy", "${base}");

        Assert.Equal(4, config.GetInt("copy"));
    }
}
