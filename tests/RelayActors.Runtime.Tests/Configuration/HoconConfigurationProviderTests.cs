using Microsoft.Extensions.Configuration;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Runtime.Tests.Configuration;

public sealed class HoconConfigurationProviderTests
{
    [Fact]
    public void Load_NestedObjects_FlattensToColonKeysKeepingCase()
    {
        var configuration = Build(Config.Parse("relay-actors { training { learning-rate = 0.1, camelCase = x } }"));

        Assert.Equal(
            [
                Entry("relay-actors", null),
                Entry("relay-actors:training", null),
                Entry("relay-actors:training:camelCase", "x"),
                Entry("relay-actors:training:learning-rate", "0.1"),
            ],
            Entries(configuration));
    }

    [Fact]
    public void Load_Lists_UseIndexKeys()
    {
        var configuration = Build(Config.Parse("seeds = [a, b]\nlayers = [{ size = 4 }, { size = 2 }]"));

        Assert.Equal(
            [
                Entry("layers", null),
                Entry("layers:0", null),
                Entry("layers:0:size", "4"),
                Entry("layers:1", null),
                Entry("layers:1:size", "2"),
                Entry("seeds", null),
                Entry("seeds:0", "a"),
                Entry("seeds:1", "b"),
            ],
            Entries(configuration));
    }

    [Fact]
    public void Load_Scalars_KeepTextAsWritten()
    {
        var configuration = Build(Config.Parse("delay = 5ms\nbuffer = 4MiB\nenabled = yes\nrate = 0.10\nname = \"run 7, final\""));

        Assert.Equal(
            [Entry("buffer", "4MiB"), Entry("delay", "5ms"), Entry("enabled", "yes"), Entry("name", "run 7, final"), Entry("rate", "0.10")],
            Entries(configuration));
    }

    [Fact]
    public void Load_NullEmptyObjectAndEmptyList_AreKeysWithNullValues()
    {
        var provider = Provider(Config.Parse("a = null\nb {}\nc = []"));

        foreach (var key in new[] { "a", "b", "c" })
        {
            Assert.True(provider.TryGet(key, out var value), key);
            Assert.Null(value);
        }
    }

    [Fact]
    public void Load_Substitutions_AreResolvedAcrossFallback()
    {
        var config = Config.Parse("copy = ${base}\nname = \"run-\"${base}").WithFallback(Config.Parse("base = 4"));

        var configuration = Build(config);

        Assert.Equal([Entry("base", "4"), Entry("copy", "4"), Entry("name", "run-4")], Entries(configuration));
    }

    [Fact]
    public void Load_ConfigWithFallback_FallbackFillsOnlyMissingKeys()
    {
        var config = Config.Parse("a.x = 1").WithFallback(Config.Parse("a { x = 0, y = 0 }"));

        var configuration = Build(config);

        Assert.Equal([Entry("a", null), Entry("a:x", "1"), Entry("a:y", "0")], Entries(configuration));
    }

    [Fact]
    public void Load_ConfigWithOverrides_ServesOverriddenText()
    {
        var configuration = Build(Config.Parse("delay = 1s").WithOverrides(["delay=5ms"]));

        Assert.Equal("5ms", configuration["delay"]);
    }

    [Fact]
    public void Load_SubConfig_KeysAreRelativeToIt()
    {
        var configuration = Build(Config.Parse("relay-actors.training.steps = 10").GetConfig("relay-actors.training"));

        Assert.Equal([Entry("steps", "10")], Entries(configuration));
    }

    [Fact]
    public void Build_ProviderAddedAfterHocon_Wins()
    {
        var configuration = new ConfigurationBuilder()
            .AddHocon(Config.Parse("a { x = 1, y = 1 }"))
            .AddInMemoryCollection([new KeyValuePair<string, string?>("a:x", "2")])
            .Build();

        Assert.Equal(("2", "1"), (configuration["a:x"], configuration["a:y"]));
    }

    [Fact]
    public void Build_HoconAddedAfterOtherProvider_Wins()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new KeyValuePair<string, string?>("a:x", "2"), new KeyValuePair<string, string?>("a:z", "2")])
            .AddHocon(Config.Parse("a { x = 1, y = 1 }"))
            .Build();

        Assert.Equal(("1", "1", "2"), (configuration["a:x"], configuration["a:y"], configuration["a:z"]));
    }

    [Fact]
    public void Load_KeysDifferingOnlyInCase_ThrowsNamingPathAndValue()
    {
        var builder = new ConfigurationBuilder().AddHocon(Config.Parse("rate = 1\nRate = 2", "app.conf"));

        var error = Assert.Throws<ConfigurationException>(() => builder.Build());

        Assert.Equal(
            "Rate = 2 (app.conf:2): its configuration key 'Rate' is already taken by another setting (keys that differ only in case or contain ':' collide)",
            error.Message);
        Assert.Equal("Rate", error.Path);
    }

    [Fact]
    public void Load_QuotedKeyWithColonCollidingWithNestedKey_Throws()
    {
        var builder = new ConfigurationBuilder().AddHocon(Config.Parse("a { b = 1 }\n\"a:b\" = 2", "app.conf"));

        var error = Assert.Throws<ConfigurationException>(() => builder.Build());

        Assert.Equal("\"a:b\"", error.Path);
    }

    [Fact]
    public void Bind_SectionWithKebabCaseKeys_FillsSettings()
    {
        var configuration = Build(Config.Parse(
            """
            relay-actors.training {
              learning-rate = 0.05
              batch-size = 32
              steps = 2000
              eval-every = "00:00:05"
              milestones = [500, 1500]
            }
            """));

        var settings = configuration.GetSection("relay-actors:training").Get<TrainingSettings>();

        Assert.NotNull(settings);
        Assert.Equal(
            (0.05f, 32, 2000, TimeSpan.FromSeconds(5)),
            (settings.LearningRate, settings.BatchSize, settings.Steps, settings.EvalEvery));
        Assert.Equal([500, 1500], settings.Milestones);
    }

    [Fact]
    public void Bind_DurationWithUnit_BinderCannotConvert()
    {
        var configuration = Build(Config.Parse("relay-actors.training.eval-every = 5ms"));

        var error = Assert.Throws<InvalidOperationException>(() => configuration.GetSection("relay-actors:training").Get<TrainingSettings>());

        Assert.Equal(
            "Failed to convert configuration value '5ms' at 'relay-actors:training:eval-every' to type 'System.TimeSpan'.",
            error.Message);
    }

    [Fact]
    public void AddHoconFile_FileWithInclude_LoadsBoth()
    {
        using var directory = new TempConfigDirectory();
        directory.Write("network.conf", "delay = 5ms");
        var path = directory.Write("app.conf", "relay-actors { network { include \"network.conf\" }, training.steps = 10 }");

        var configuration = new ConfigurationBuilder().AddHoconFile(path).Build();

        Assert.Equal(("5ms", "10"), (configuration["relay-actors:network:delay"], configuration["relay-actors:training:steps"]));
    }

    [Fact]
    public void AddHoconFile_MissingOptionalFile_AddsNothing()
    {
        using var directory = new TempConfigDirectory();

        var configuration = new ConfigurationBuilder().AddHoconFile(Path.Combine(directory.Path, "absent.conf"), optional: true).Build();

        Assert.Empty(configuration.AsEnumerable());
    }

    [Fact]
    public void AddHoconFile_MissingRequiredFile_ThrowsNamingFile()
    {
        using var directory = new TempConfigDirectory();
        var path = Path.Combine(directory.Path, "absent.conf");
        var builder = new ConfigurationBuilder().AddHoconFile(path);

        var error = Assert.Throws<ConfigurationException>(() => builder.Build());

        Assert.Equal(path, error.Origin);
        Assert.StartsWith($"cannot read configuration file '{path}': ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHoconFile_SyntaxError_ThrowsWithFileLineColumn()
    {
        using var directory = new TempConfigDirectory();
        var path = directory.Write("app.conf", "a = 1\n}");
        var builder = new ConfigurationBuilder().AddHoconFile(path, optional: true);

        var error = Assert.Throws<ConfigurationException>(() => builder.Build());

        Assert.Equal($"{path}:2:1: unbalanced '}}'", error.Message);
    }

    [Fact]
    public void AddHocon_NullArguments_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => HoconConfigurationExtensions.AddHocon(null!, Config.Empty));
        Assert.Throws<ArgumentNullException>(() => new ConfigurationBuilder().AddHocon(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void AddHoconFile_BlankPath_Throws(string path)
    {
        Assert.Throws<ArgumentException>(() => new ConfigurationBuilder().AddHoconFile(path));
    }

    private static IConfigurationRoot Build(Config config) => new ConfigurationBuilder().AddHocon(config).Build();

    private static IConfigurationProvider Provider(Config config) => Build(config).Providers.Single();

    private static KeyValuePair<string, string?> Entry(string key, string? value) => new(key, value);

    private static KeyValuePair<string, string?>[] Entries(IConfiguration configuration) =>
        [.. configuration.AsEnumerable().OrderBy(entry => entry.Key, StringComparer.Ordinal)];
}
