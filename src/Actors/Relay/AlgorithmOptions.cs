using RelayActors.Actors.Baselines;

namespace RelayActors.Actors.Relay;

/// <summary>What <see cref="AlgorithmNodes.Create{T}(Algorithm, Topology.RelayTopology, Func{int, LocalStep{T}}, ReadOnlySpan{T}, AlgorithmOptions)"/> needs beyond the topology and the local steps; each algorithm reads only its own part.</summary>
public sealed record AlgorithmOptions
{
    /// <summary>RelaySGD's fill for workers not heard from (spec §1.2).</summary>
    public RelayFill Fill { get; init; } = RelayFill.InitialModel;

    /// <summary>Choco-SGD's compressor and consensus step.</summary>
    public ChocoSettings Choco { get; init; } = new();

    /// <summary>The run seed; Choco-SGD derives each worker's compressor randomness from it.</summary>
    public int Seed { get; init; }
}
