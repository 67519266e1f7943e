using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigSubstitutionTests
{
    [Fact]
    public void Substitution_WholeValue_CopiesScalar()
    {
        var config = Config.Parse("a.b = 5s\nc = ${a.b}");

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetDuration("c"));
    }

    [Fact]
    public void Substitution_WholeValue_CopiesObject()
    {
        var config = Config.Parse("defaults { x = 1, y = 2 }\nnode = ${defaults}");

        Assert.Equal(["x", "y"], config.GetConfig("node").Keys);
    }

    [Fact]
    public void Substitution_ForwardReference_Resolves()
    {
        var config = Config.Parse("a = ${b}\nb = 3");

        Assert.Equal(3, config.GetInt("a"));
    }

    [Fact]
    public void Substitution_ConcatenatedWithQuotedString_JoinsText()
    {
        var config = Config.Parse("name = exp1\ndir = \"runs/\"${name}\"/logs\"");

        Assert.Equal("runs/exp1/logs", config.GetString("dir"));
    }

    [Fact]
    public void Substitution_ConcatenatedWithUnquotedText_KeepsInnerSpaces()
    {
        var config = Config.Parse("who = world\ngreeting = hello ${who} again");

        Assert.Equal("hello world again", config.GetString("greeting"));
    }

    [Fact]
    public void Substitution_ThroughOtherSubstitution_ResolvesChain()
    {
        var config = Config.Parse("a = ${b}\nb = ${c}\nc { d = 8 }\ne = ${a.d}");

        Assert.Equal(8, config.GetInt("e"));
    }

    [Fact]
    public void Substitution_ReferringToFallback_ResolvesAfterMerge()
    {
        var user = Config.Parse("dir = ${root}\"/data\"");
        var reference = Config.Parse("root = /srv");

        Assert.Equal("/srv/data", user.WithFallback(reference).GetString("dir"));
    }

    [Fact]
    public void Substitution_OverriddenTarget_UsesWinningValue()
    {
        var reference = Config.Parse("base = 1\nderived = ${base}");

        var config = Config.Parse("base = 2").WithFallback(reference);

        Assert.Equal(2, config.GetInt("derived"));
    }

    [Fact]
    public void OptionalSubstitution_Missing_RemovesField()
    {
        var config = Config.Parse("a = 1\nb = ${?nowhere}");

        Assert.False(config.HasPath("b"));
        Assert.Equal(["a"], config.Keys);
    }

    [Fact]
    public void OptionalSubstitution_MissingAfterEarlierValue_KeepsEarlierValue()
    {
        var config = Config.Parse("port = 80\nport = ${?nowhere}");

        Assert.Equal(80, config.GetInt("port"));
    }

    [Fact]
    public void OptionalSubstitution_MissingWithFallbackValue_UsesFallbackValue()
    {
        var config = Config.Parse("port = ${?nowhere}").WithFallback(Config.Parse("port = 80"));

        Assert.Equal(80, config.GetInt("port"));
    }

    [Fact]
    public void OptionalSubstitution_Present_UsesValue()
    {
        var config = Config.Parse("x = 1\nb = ${?x}");

        Assert.Equal(1, config.GetInt("b"));
    }

    [Fact]
    public void OptionalSubstitution_MissingInsideConcatenation_BecomesEmpty()
    {
        var config = Config.Parse("a = \"pre-\"${?nowhere}\"-post\"");

        Assert.Equal("pre--post", config.GetString("a"));
    }

    [Fact]
    public void RequiredSubstitution_Missing_ThrowsNamingSubstitutionPathAndOrigin()
    {
        var config = Config.Parse("a {\n  b = ${missing.key}\n}", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetInt("a.b"));

        Assert.Equal("a.b = ${missing.key} (app.conf:2): could not resolve substitution ${missing.key}", error.Message);
        Assert.Equal("a.b", error.Path);
        Assert.Equal("app.conf:2", error.Origin);
    }

    [Fact]
    public void Substitution_Cycle_ThrowsNamingTheCycle()
    {
        var config = Config.Parse("a = ${b}\nb = ${c}\nc = ${a}", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.Resolve());

        Assert.Contains("cycle in substitutions: ${b} -> ${c} -> ${a} -> ${b}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_SelfReference_ThrowsCycle()
    {
        var config = Config.Parse("a = ${a}");

        var error = Assert.Throws<ConfigurationException>(() => config.GetString("a"));

        Assert.Contains("cycle in substitutions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Substitution_InsideArray_ResolvesElements()
    {
        var config = Config.Parse("a = x\nlist = [${a}, y, ${?none}]");

        Assert.Equal(["x", "y"], config.GetStringList("list"));
    }

    [Fact]
    public void Substitution_ObjectInConcatenation_Throws()
    {
        var config = Config.Parse("o { x = 1 }\ns = \"a\"${o}", "app.conf");

        var error = Assert.Throws<ConfigurationException>(() => config.GetString("s"));

        Assert.Contains("cannot concatenate ${o}", error.Message, StringComparison.Ordinal);
    }
}
