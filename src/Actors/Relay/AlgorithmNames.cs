using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Relay;

/// <summary>The names of <see cref="Algorithm"/> in configuration and on the command line.</summary>
public static class AlgorithmNames
{
    private static readonly EnumNames<Algorithm> Names = new(
        ("relaysgd", Algorithm.RelaySgd),
        ("relaysgd-grad", Algorithm.RelaySgdGrad),
        ("all-reduce", Algorithm.AllReduce),
        ("gossip", Algorithm.Gossip),
        ("d2", Algorithm.D2),
        ("gradient-tracking", Algorithm.GradientTracking),
        ("quasi-global-momentum", Algorithm.QuasiGlobalMomentum),
        ("sgp", Algorithm.Sgp),
        ("choco-sgd", Algorithm.ChocoSgd));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out Algorithm algorithm) => Names.TryParse(name, out algorithm);

    public static string Format(Algorithm algorithm) => Names.Format(algorithm);
}
