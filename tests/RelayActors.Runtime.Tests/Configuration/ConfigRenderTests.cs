using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigRenderTests
{
    private const string Source = """"
        # run configuration
        relay-actors {
          name = exp1
          runtime.throughput = 100
          runtime { timeout = 1.5s, enabled = yes, ratio = -2.5e-3 }
          "dotted.key" = "quoted \"value\"\n\ttab"
          peers = [alpha, "beta gamma", 3, true]
          holes = [null, 1]
          nested = [[1, 2], []]
          empty {}
          nothing = null
          dir = "runs/"${relay-actors.name}
          multi = """two
        lines"""
        }
        include = plain
        """";

    [Fact]
    public void Render_NonTrivialConfig_ParsesBackToSameRendering()
    {
        var rendered = Config.Parse(Source).Render();

        Assert.Equal(rendered, Config.Parse(rendered).Render());
    }

    [Fact]
    public void Render_NonTrivialConfig_ParsesBackToSameValues()
    {
        var original = Config.Parse(Source);

        var copy = Config.Parse(original.Render());

        Assert.Equal(original.Keys, copy.Keys);
        Assert.Equal(original.GetConfig("relay-actors").Keys, copy.GetConfig("relay-actors").Keys);
        Assert.Equal("runs/exp1", copy.GetString("relay-actors.dir"));
        Assert.Equal(100, copy.GetInt("relay-actors.runtime.throughput"));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), copy.GetDuration("relay-actors.runtime.timeout"));
        Assert.True(copy.GetBoolean("relay-actors.runtime.enabled"));
        Assert.Equal(-2.5e-3, copy.GetDouble("relay-actors.runtime.ratio"));
        Assert.Equal("quoted \"value\"\n\ttab", copy.GetString("relay-actors.\"dotted.key\""));
        Assert.Equal(["alpha", "beta gamma", "3", "true"], copy.GetStringList("relay-actors.peers"));
        Assert.Equal("two\nlines", copy.GetString("relay-actors.multi"));
        Assert.Empty(copy.GetConfig("relay-actors.empty").Keys);
        Assert.Contains("nothing", copy.GetConfig("relay-actors").Keys);
        Assert.False(copy.HasPath("relay-actors.nothing"));
        Assert.Equal("plain", copy.GetString("include"));
    }

    [Fact]
    public void Render_SimpleConfig_WritesIndentedHocon()
    {
        var config = Config.Parse("a.b = 1\na.c = [x, 2]\nd = \"t\"\ne {}");

        Assert.Equal("a {\n  b = 1\n  c = [\"x\", 2]\n}\nd = \"t\"\ne = {}\n", config.Render());
    }

    [Fact]
    public void Render_MergedConfig_WritesEffectiveValues()
    {
        var config = Config.Parse("a = 2").WithFallback(Config.Parse("a = 1\nb = ${a}")).WithValue("c", "5ms");

        Assert.Equal("a = 2\nb = 2\nc = \"5ms\"\n", config.Render());
    }

    [Fact]
    public void RenderCanonical_KeysInAnyOrder_GiveTheSameText()
    {
        var one = Config.Parse("b { y = 1, x = [{ q = 1, p = 2 }] }\na = 1");
        var other = Config.Parse("a = 1\nb { x = [{ p = 2, q = 1 }], y = 1 }");

        Assert.NotEqual(one.Render(), other.Render());
        Assert.Equal("a = 1\nb {\n  x = [{ p = 2, q = 1 }]\n  y = 1\n}\n", one.RenderCanonical());
        Assert.Equal(one.RenderCanonical(), other.RenderCanonical());
    }
}
