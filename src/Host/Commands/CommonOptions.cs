using System.CommandLine;

namespace RelayActors.Host.Commands;

/// <summary>The options every experiment command shares: an experiment file and <c>--set</c> overrides.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config { get; } = new("--config")
    {
        Description = "Experiment file (HOCON, e.g. hocon/experiments/quadratics.conf); flags and --set override it.",
        HelpName = "file",
    };

    public static Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override one key, e.g. --set relay-actors.network.latency=5ms (repeatable; later wins).",
        HelpName = "key=value",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
