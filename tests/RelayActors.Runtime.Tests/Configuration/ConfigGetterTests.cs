using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigGetterTests
{
    public enum ExchangeModel
    {
        Gossip,
        RelaySumModel,
        HTTPPush,
    }

    [Fact]
    public void GetString_NumberValue_ReturnsTextAsWritten()
    {
        var config = Config.Parse("a = 1.50");

        Assert.Equal("1.50", config.GetString("a"));
    }

    [Fact]
    public void GetInt_QuotedNumber_ConvertsToInt()
    {
        var config = Config.Parse("a = \"17\"");

        Assert.Equal(17, config.GetInt("a"));
    }

    [Fact]
    public void GetInt_IntegralExponent_ConvertsToInt()
    {
        var config = Config.Parse("a = 1e3");

        Assert.Equal(1000, config.GetInt("a"));
    }

    [Fact]
    public void GetLong_ValueBeyondIntRange_ReturnsLong()
    {
        var config = Config.Parse("a = 9000000000");

        Assert.Equal(9_000_000_000L, config.GetLong("a"));
    }

    [Fact]
    public void GetWithDefault_MissingPath_ReturnsDefaults()
    {
        var config = Config.Parse("other = 1");

        Assert.Equal("d", config.GetString("a.b", "d"));
        Assert.Equal(5, config.GetInt("a.b", 5));
        Assert.Equal(6L, config.GetLong("a.b", 6L));
        Assert.Equal(0.5, config.GetDouble("a.b", 0.5));
        Assert.True(config.GetBoolean("a.b", true));
        Assert.Equal(TimeSpan.FromSeconds(3), config.GetDuration("a.b", TimeSpan.FromSeconds(3)));
        Assert.Equal(1024L, config.GetBytes("a.b", 1024L));
        Assert.Equal(ExchangeModel.Gossip, config.GetEnum("a.b", ExchangeModel.Gossip));
    }

    [Fact]
    public void GetIntWithDefault_NullValue_ReturnsDefault()
    {
        var config = Config.Parse("a = null");

        Assert.Equal(9, config.GetInt("a", 9));
    }

    [Fact]
    public void GetIntWithDefault_PresentValue_IgnoresDefault()
    {
        var config = Config.Parse("a = 4");

        Assert.Equal(4, config.GetInt("a", 9));
    }

    [Fact]
    public void HasPath_ExistingLeafOrObject_ReturnsTrue()
    {
        var config = Config.Parse("a.b = 1");

        Assert.True(config.HasPath("a"));
        Assert.True(config.HasPath("a.b"));
    }

    [Fact]
    public void HasPath_MissingOrBelowLeaf_ReturnsFalse()
    {
        var config = Config.Parse("a.b = 1");

        Assert.False(config.HasPath("a.c"));
        Assert.False(config.HasPath("a.b.c"));
    }

    [Fact]
    public void GetConfig_ExistingObject_ReturnsSubTree()
    {
        var config = Config.Parse("relay-actors.runtime { throughput = 10, mailbox = bounded }");

        var runtime = config.GetConfig("relay-actors.runtime");

        Assert.Equal(["throughput", "mailbox"], runtime.Keys);
        Assert.Equal(10, runtime.GetInt("throughput"));
    }

    [Fact]
    public void GetConfig_MissingPath_ReturnsEmptyConfigThatNamesFullPathInErrors()
    {
        var config = Config.Parse("a = 1");

        var missing = config.GetConfig("relay-actors.runtime");
        var error = Assert.Throws<ConfigurationException>(() => missing.GetInt("throughput"));

        Assert.Empty(missing.Keys);
        Assert.Equal("relay-actors.runtime.throughput", error.Path);
    }

    [Theory]
    [InlineData("gossip", ExchangeModel.Gossip)]
    [InlineData("relay-sum-model", ExchangeModel.RelaySumModel)]
    [InlineData("http-push", ExchangeModel.HTTPPush)]
    [InlineData("RelaySumModel", ExchangeModel.RelaySumModel)]
    [InlineData("relaysummodel", ExchangeModel.RelaySumModel)]
    public void GetEnum_KebabCaseOrMemberName_ReturnsMember(string text, ExchangeModel expected)
    {
        var config = Config.Parse("model = " + text);

        Assert.Equal(expected, config.GetEnum<ExchangeModel>("model"));
    }

    [Fact]
    public void GetEnum_UnknownName_ListsAllowedValuesInKebabCase()
    {
        var config = Config.Parse("model = relay-sum", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetEnum<ExchangeModel>("model"));

        Assert.Equal("model = relay-sum (app.conf:1): expected one of gossip, relay-sum-model, http-push", error.Message);
    }

    [Fact]
    public void GetEnum_NumericText_IsRejected()
    {
        var config = Config.Parse("model = 1");

        Assert.Throws<ConfigurationException>(() => config.GetEnum<ExchangeModel>("model"));
    }

    [Fact]
    public void GetIntInRange_ValueInsideBounds_ReturnsValue()
    {
        var config = Config.Parse("throughput = 100000");

        Assert.Equal(100_000, config.GetInt("throughput", 10, 1, 100_000));
    }

    [Fact]
    public void GetIntInRange_MissingValue_ReturnsDefault()
    {
        Assert.Equal(10, Config.Empty.GetInt("throughput", 10, 1, 100_000));
    }

    [Fact]
    public void GetIntInRange_ValueBelowMin_ThrowsWithPathValueOriginAndBounds()
    {
        var text = string.Concat(Enumerable.Repeat("\n", 11)) + "relay-actors.runtime.throughput = -5";
        var config = Config.Parse(text, "reference.conf");

        var error = Assert.Throws<ConfigurationException>(
            () => config.GetConfig("relay-actors.runtime").GetInt("throughput", 10, 1, 100_000));

        Assert.Equal("relay-actors.runtime.throughput = -5 (reference.conf:12): must be between 1 and 100000", error.Message);
        Assert.Equal("relay-actors.runtime.throughput", error.Path);
        Assert.Equal("reference.conf:12", error.Origin);
    }

    [Fact]
    public void GetDoubleInRange_ValueAboveMax_ThrowsWithBounds()
    {
        var config = Config.Parse("training.lr = 1.5", "train.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetDouble("training.lr", 0.1, 0.0, 1.0));

        Assert.Equal("training.lr = 1.5 (train.conf:1): must be between 0 and 1", error.Message);
    }

    [Fact]
    public void GetDurationInRange_ValueAboveMax_ThrowsWithBoundsInHoconUnits()
    {
        var config = Config.Parse("timeout = 30s", "app.conf");

        var error = Assert.Throws<ConfigurationException>(
            () => config.GetDuration("timeout", TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(10)));

        Assert.Equal("timeout = 30s (app.conf:1): must be between 1ms and 10s", error.Message);
    }

    [Fact]
    public void GetDurationInRange_ValueInsideBounds_ReturnsValue()
    {
        var config = Config.Parse("timeout = 1500ms");

        var value = config.GetDuration("timeout", TimeSpan.FromSeconds(1), TimeSpan.Zero, TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromMilliseconds(1500), value);
    }

    [Fact]
    public void GetIntInRange_MinAboveMax_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Config.Empty.GetInt("a", 1, 10, 5));
    }

    [Fact]
    public void GetString_MalformedPath_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Config.Empty.GetString("a..b"));
    }

    [Fact]
    public void Parse_NullText_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Config.Parse(null!));
    }

    [Fact]
    public void GetString_NullPath_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Config.Empty.GetString(null!));
    }

    [Fact]
    public void GetConfigList_ListOfObjects_ReadsEachElement()
    {
        var config = Config.Parse("a.runs = [{ name = x, rate = 0.5 }, { name = y }]");

        var runs = config.GetConfigList("a.runs");

        Assert.Equal(["x", "y"], runs.Select(r => r.GetString("name")));
        Assert.Equal(0.5, runs[0].GetDouble("rate"));
        Assert.False(runs[1].HasPath("rate"));
    }

    [Fact]
    public void GetConfigList_BadElementValue_NamesTheElementPath()
    {
        var config = Config.Parse("a.runs = [{ rate = 1 }, { rate = fast }]");

        var ex = Assert.Throws<ConfigurationException>(() => config.GetConfigList("a.runs")[1].GetDouble("rate"));

        Assert.StartsWith("a.runs[1].rate = fast", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetConfigList_ElementNotAnObject_Throws()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("runs = [{ rate = 1 }, 2]").GetConfigList("runs"));

        Assert.StartsWith("runs[1] = 2", ex.Message, StringComparison.Ordinal);
    }
}
