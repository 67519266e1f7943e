namespace RelayActors.Actors.Relay;

/// <summary>The names of <see cref="ConsensusAlgorithm"/>: the one place where a string becomes an algorithm.</summary>
public static class ConsensusAlgorithmNames
{
    public static IReadOnlyList<string> All { get; } = ["relaysum", "gossip"];

    public static bool TryParse(string? name, out ConsensusAlgorithm algorithm)
    {
        switch (name)
        {
            case "relaysum": algorithm = ConsensusAlgorithm.RelaySum; return true;
            case "gossip": algorithm = ConsensusAlgorithm.Gossip; return true;
            default: algorithm = default; return false;
        }
    }

    public static string Format(ConsensusAlgorithm algorithm) => algorithm switch
    {
        ConsensusAlgorithm.RelaySum => "relaysum",
        ConsensusAlgorithm.Gossip => "gossip",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown consensus algorithm"),
    };
}
