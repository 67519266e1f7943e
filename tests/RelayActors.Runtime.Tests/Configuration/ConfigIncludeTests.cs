using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class ConfigIncludeTests
{
    [Fact]
    public void Load_ExistingFile_ReadsValuesWithFileOrigin()
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("app.conf", "a = 1\nb = oops");

        var error = Assert.Throws<ConfigurationException>(() => Config.Load(path).GetInt("b"));

        Assert.Equal($"b = oops ({path}:2): expected an integer", error.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingPath()
    {
        using var dir = new TempConfigDirectory();
        var path = Path.Combine(dir.Path, "absent.conf");

        var error = Assert.Throws<ConfigurationException>(() => Config.Load(path));

        Assert.StartsWith($"cannot read configuration file '{path}':", error.Message);
        Assert.Equal(path, error.Origin);
    }

    [Fact]
    public void Include_RelativeToIncludingFile_MergesFieldsAtIncludePoint()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("conf/common.conf", "x = 1\ny = 2");
        var path = dir.Write("conf/app.conf", "node {\n  include \"common.conf\"\n  y = 3\n}");

        var config = Config.Load(path);

        Assert.Equal(["x", "y"], config.GetConfig("node").Keys);
        Assert.Equal(1, config.GetInt("node.x"));
        Assert.Equal(3, config.GetInt("node.y"));
    }

    [Fact]
    public void Include_LaterFieldsInIncludedFile_OverrideEarlierFields()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("override.conf", "y = 20");
        var path = dir.Write("app.conf", "y = 2\ninclude \"override.conf\"");

        Assert.Equal(20, Config.Load(path).GetInt("y"));
    }

    [Fact]
    public void Include_NestedIncludeInSubdirectory_ResolvesRelativeToItsOwnFile()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("sub/leaf.conf", "leaf = yes");
        dir.Write("sub/middle.conf", "include \"leaf.conf\"");
        var path = dir.Write("app.conf", "include \"sub/middle.conf\"");

        Assert.True(Config.Load(path).GetBoolean("leaf"));
    }

    [Fact]
    public void Include_ValueErrorInIncludedFile_ReportsIncludedFileOrigin()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("common.conf", "\nport = high");
        var path = dir.Write("app.conf", "include \"common.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => Config.Load(path).GetInt("port"));

        Assert.Equal(Path.Combine(dir.Path, "common.conf") + ":2", error.Origin);
    }

    [Fact]
    public void Include_MissingFile_ThrowsNamingIncludedPathAndIncludeLine()
    {
        using var dir = new TempConfigDirectory();
        var path = dir.Write("app.conf", "a = 1\ninclude \"nope.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => Config.Load(path));

        Assert.StartsWith($"{path}:2:9: cannot read included file '{Path.Combine(dir.Path, "nope.conf")}':", error.Message);
    }

    [Fact]
    public void Include_Cycle_ThrowsIncludeCycle()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("b.conf", "include \"a.conf\"");
        var path = dir.Write("a.conf", "include \"b.conf\"");

        var error = Assert.Throws<ConfigurationException>(() => Config.Load(path));

        Assert.Contains("include cycle:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_KeyNamedInclude_IsOrdinaryField()
    {
        var config = Config.Parse("include = 5");

        Assert.Equal(5, config.GetInt("include"));
    }
}
