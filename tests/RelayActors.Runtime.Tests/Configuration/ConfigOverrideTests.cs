using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigOverrideTests
{
    [Fact]
    public void WithOverrides_DurationValue_OverridesFileValue()
    {
        var config = Config.Parse("a.b.c = 1s").WithOverrides(["a.b.c=5ms"]);

        Assert.Equal(TimeSpan.FromMilliseconds(5), config.GetDuration("a.b.c"));
    }

    [Fact]
    public void WithOverrides_SpacesAroundEquals_AreIgnored()
    {
        var config = Config.Empty.WithOverrides(["  buffer = 4MiB  "]);

        Assert.Equal(4L * 1024 * 1024, config.GetBytes("buffer"));
    }

    [Fact]
    public void WithOverrides_ListValue_ParsesList()
    {
        var config = Config.Empty.WithOverrides(["a.weights=[1, 2]"]);

        Assert.Equal([1.0, 2.0], config.GetDoubleList("a.weights"));
    }

    [Fact]
    public void WithOverrides_QuotedValue_Unquotes()
    {
        var config = Config.Empty.WithOverrides(["name=\"run 7, final\""]);

        Assert.Equal("run 7, final", config.GetString("name"));
    }

    [Fact]
    public void WithOverrides_BooleanValue_ReadsAsBoolean()
    {
        var config = Config.Parse("a.enabled = false").WithOverrides(["a.enabled=true"]);

        Assert.True(config.GetBoolean("a.enabled"));
    }

    [Fact]
    public void WithOverrides_ObjectValue_MergesWithExistingObject()
    {
        var config = Config.Parse("a { y = 2 }").WithOverrides(["a={ x = 1 }"]);

        Assert.Equal(["y", "x"], config.GetConfig("a").Keys);
        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void WithOverrides_ValueWithColonsAndSlashes_KeepsWholeText()
    {
        var config = Config.Empty.WithOverrides(["cluster.seed=relay://sys@host:2552/user"]);

        Assert.Equal("relay://sys@host:2552/user", config.GetString("cluster.seed"));
    }

    [Fact]
    public void WithOverrides_ValueWithHash_KeepsHashAsText()
    {
        var config = Config.Empty.WithOverrides(["tag=run#7"]);

        Assert.Equal("run#7", config.GetString("tag"));
    }

    [Fact]
    public void WithOverrides_ValueWithEquals_SplitsAtFirstEquals()
    {
        var config = Config.Empty.WithOverrides(["filter=a=b"]);

        Assert.Equal("a=b", config.GetString("filter"));
    }

    [Fact]
    public void WithOverrides_QuotedPathElementWithEqualsAndDot_IsOneKey()
    {
        var config = Config.Empty.WithOverrides(["labels.\"k=v.x\" = 3"]);

        Assert.Equal(["k=v.x"], config.GetConfig("labels").Keys);
        Assert.Equal(3, config.GetInt("labels.\"k=v.x\""));
    }

    [Fact]
    public void WithOverrides_SamePathTwice_LaterWins()
    {
        var config = Config.Parse("a = 0").WithOverrides(["a=1", "a=2"]);

        Assert.Equal(2, config.GetInt("a"));
    }

    [Fact]
    public void WithOverrides_NewPath_KeepsSiblingsAndTheirOrder()
    {
        var config = Config.Parse("a { x = 1, z = 3 }").WithOverrides(["a.y=2", "a.x=10"]);

        Assert.Equal(["x", "z", "y"], config.GetConfig("a").Keys);
        Assert.Equal(10, config.GetInt("a.x"));
    }

    [Fact]
    public void WithOverrides_Substitution_ResolvesAgainstWholeConfig()
    {
        var config = Config.Parse("base = 4").WithOverrides(["copy=${base}"]);

        Assert.Equal(4, config.GetInt("copy"));
    }

    [Fact]
    public void WithOverrides_NoAssignments_KeepsValues()
    {
        var config = Config.Parse("a = 1").WithOverrides([]);

        Assert.Equal("a = 1\n", config.Render());
    }

    [Fact]
    public void WithOverrides_OverFallback_WinsOverBothLayers()
    {
        var config = Config.Parse("a = 1").WithFallback(Config.Parse("a = 0\nb = 0")).WithOverrides(["b=2"]);

        Assert.Equal("a = 1\nb = 2\n", config.Render());
    }

    [Fact]
    public void WithOverrides_LaterRangeCheckFails_ErrorNamesSetFlag()
    {
        var config = Config.Parse("relay-actors.runtime.throughput = 100")
            .WithOverrides(["relay-actors.runtime.throughput=0"]);

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("relay-actors.runtime.throughput", 100, 1, 1000));

        Assert.Equal(
            "relay-actors.runtime.throughput = 0 (--set relay-actors.runtime.throughput=0): must be between 1 and 1000",
            error.Message);
        Assert.Equal("relay-actors.runtime.throughput", error.Path);
        Assert.Equal("--set relay-actors.runtime.throughput=0", error.Origin);
    }

    [Fact]
    public void WithOverrides_LaterTypeCheckInSubConfigFails_ErrorNamesFullPathAndFlag()
    {
        var config = Config.Parse("relay-actors.training.steps = 10").WithOverrides(["relay-actors.training.steps = many"]);

        var error = Assert.Throws<ConfigurationException>(() => config.GetConfig("relay-actors.training").GetInt("steps"));

        Assert.Equal("relay-actors.training.steps = many (--set relay-actors.training.steps = many): expected an integer", error.Message);
    }

    [Fact]
    public void WithOverrides_OutOfRangeRuntimeSetting_SettingsErrorNamesSetFlag()
    {
        var config = Config.Empty.WithOverrides(["relay-actors.runtime.throughput=0"]);

        var error = Assert.Throws<ConfigurationException>(() => ActorSystemSettings.FromConfig(config));

        Assert.Equal(
            "relay-actors.runtime.throughput = 0 (--set relay-actors.runtime.throughput=0): must be between 1 and 1000000",
            error.Message);
    }

    [Fact]
    public void WithOverrides_MisspelledRuntimeKey_UnknownKeyErrorNamesSetFlag()
    {
        var config = Config.Empty.WithOverrides(["relay-actors.runtime.througput=5"]);

        var error = Assert.Throws<ConfigurationException>(() => ActorSystemSettings.FromConfig(config));

        Assert.Equal("--set relay-actors.runtime.througput=5", error.Origin);
        Assert.Equal(
            "relay-actors.runtime.througput = 5 (--set relay-actors.runtime.througput=5): unknown key; did you mean 'throughput'?",
            error.Message);
    }

    [Theory]
    [InlineData("relay-actors.x", "--set relay-actors.x: missing '='; expected path=value")]
    [InlineData("=5", "--set =5: empty path before '='")]
    [InlineData("  = 5", "--set   = 5: empty path before '='")]
    [InlineData("a..b=1", "--set a..b=1: invalid path 'a..b': an empty element or an unclosed quote")]
    [InlineData("\"a=1", "--set \"a=1: invalid path '\"a': an empty element or an unclosed quote")]
    [InlineData("a=\"open", "--set a=\"open: unterminated string at column 3")]
    [InlineData("a=", "--set a=: expected a value for 'a', found end of input at column 3")]
    [InlineData("a = [1, 2", "--set a = [1, 2: expected ']' to close the '[' opened at column 5, found end of input at column 10")]
    [InlineData("a={ x = 1", "--set a={ x = 1: expected '}' to close the '{' opened at column 3, found end of input at column 10")]
    [InlineData("a={ x = 1 } 2", "--set a={ x = 1 } 2: expected end of value, found '2' at column 13")]
    [InlineData("a=${b", "--set a=${b: unterminated substitution '${b', expected '}' at column 3")]
    public void WithOverrides_MalformedAssignment_ThrowsNamingAssignmentAndReason(string assignment, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => Config.Empty.WithOverrides([assignment]));

        Assert.Equal(expected, error.Message);
        Assert.Equal("--set " + assignment, error.Origin);
        Assert.Null(error.Path);
    }

    [Fact]
    public void WithOverrides_MalformedValueInSubConfig_NamesFullPath()
    {
        var error = Assert.Throws<ConfigurationException>(() => Config.Parse("a.b = 1").GetConfig("a").WithOverrides(["b="]));

        Assert.Equal("--set b=: expected a value for 'a.b', found end of input at column 3", error.Message);
    }

    [Fact]
    public void WithOverrides_SecondAssignmentMalformed_ThrowsForSecond()
    {
        var error = Assert.Throws<ConfigurationException>(() => Config.Empty.WithOverrides(["a=1", "b"]));

        Assert.Equal("--set b", error.Origin);
    }

    [Fact]
    public void WithOverrides_NullAssignments_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => Config.Empty.WithOverrides(null!));
    }

    [Fact]
    public void WithOverrides_NullElement_Throws()
    {
        var error = Assert.Throws<ArgumentNullException>(() => Config.Empty.WithOverrides(["a=1", null!]));

        Assert.Equal("assignments", error.ParamName);
    }
}
