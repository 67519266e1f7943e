using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Relay;

/// <summary>The names of <see cref="ConsensusAlgorithm"/>: the one place where a string becomes an algorithm.</summary>
public static class ConsensusAlgorithmNames
{
    private static readonly EnumNames<ConsensusAlgorithm> Names = new(
        ("relaysum", ConsensusAlgorithm.RelaySum),
        ("gossip", ConsensusAlgorithm.Gossip));

    /// <summary>Every valid name, in table order.</summary>
    public static IReadOnlyList<string> All => Names.All;

    public static bool TryParse(string? name, out ConsensusAlgorithm algorithm) => Names.TryParse(name, out algorithm);

    public static string Format(ConsensusAlgorithm algorithm) => Names.Format(algorithm);
}
