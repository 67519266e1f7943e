namespace RelayActors.Actors.Relay;

/// <summary>How workers average static values; names in <see cref="ConsensusAlgorithmNames"/>.</summary>
public enum ConsensusAlgorithm
{
    /// <summary>RelaySum with counts (spec §1.1): exact mean after diam(T) rounds, trees only.</summary>
    RelaySum,

    /// <summary>Metropolis–Hastings gossip (spec §2): geometric convergence on any connected graph, never exact.</summary>
    Gossip,
}
