using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Host.Commands;

namespace RelayActors.Host.Configuration;

/// <summary>
/// One row of a comparison: an algorithm on a topology, at its own learning rate or (null) the base section's
/// (training: <c>learning-rates.&lt;algorithm&gt;</c>, else <c>optimizer.learning-rate</c>; quadratics: tuned when
/// <c>tune = true</c>, else <c>learning-rate</c>).
/// </summary>
internal sealed record CompareEntry(Algorithm Algorithm, TopologyKind Topology, double? LearningRate)
{
    /// <summary>The topology the algorithm actually runs on (all-reduce: fully connected).</summary>
    public TopologyKind EffectiveTopology => TopologyChoice.KindFor(Algorithm, Topology);

    public string AlgorithmName => AlgorithmNames.Format(Algorithm);

    public string TopologyName => TopologyKindNames.Format(EffectiveTopology);

    /// <summary>The row's name and the start of its cell ids, e.g. <c>relaysgd-chain</c>.</summary>
    public string Label => $"{AlgorithmName}-{TopologyName}";
}
