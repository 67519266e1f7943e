using System.Numerics;
using RelayActors.Actors.Baselines;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Relay;

/// <summary>Creates the worker nodes of an <see cref="Algorithm"/>: the one place where an algorithm becomes code.</summary>
public static class AlgorithmNodes
{
    /// <summary>Why <paramref name="algorithm"/> cannot run on <paramref name="topology"/>, or null when it can.</summary>
    public static string? Unsupported(Algorithm algorithm, RelayTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var name = AlgorithmNames.Format(algorithm);
        return algorithm switch
        {
            Algorithm.RelaySgd or Algorithm.RelaySgdGrad when !topology.HasTrees =>
                $"{name} relays over a tree, but the graph ({topology.Workers} nodes, {topology.Graph.Edges.Count} edges) has cycles; choose a tree topology or a spanning tree of the graph",
            Algorithm.Gossip or Algorithm.D2 or Algorithm.GradientTracking or Algorithm.QuasiGlobalMomentum or Algorithm.ChocoSgd when topology.IsMultiTree =>
                $"{name} on several trees would need one gossip graph per parameter lane, which is not supported; use one graph (e.g. ring or binary-tree)",
            Algorithm.Gossip or Algorithm.D2 or Algorithm.GradientTracking or Algorithm.QuasiGlobalMomentum or Algorithm.ChocoSgd when !topology.Graph.IsConnected =>
                $"{name} needs a connected graph",
            Algorithm.Sgp when topology.Workers < 2 =>
                $"{name} needs at least 2 workers: the exponential graph has no peer for one",
            _ => null,
        };
    }

    /// <summary>
    /// One node per worker, all starting from <paramref name="initial"/>; <paramref name="local"/>(i) is worker i's
    /// local computation. All-reduce and SGP ignore the topology's edges (all-reduce talks to every worker, SGP along
    /// the time-varying exponential graph).
    /// </summary>
    /// <exception cref="ArgumentException">The algorithm cannot run on the topology (<see cref="Unsupported"/> says why).</exception>
    public static IWorkerNode<T>[] Create<T>(Algorithm algorithm, RelayTopology topology, Func<int, LocalStep<T>> local, ReadOnlySpan<T> initial, RelayFill fill = RelayFill.InitialModel)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Create(algorithm, topology, local, initial, new AlgorithmOptions { Fill = fill });

    /// <summary>As above, with every algorithm's options (RelaySGD's fill, Choco-SGD's compressor, the run seed).</summary>
    /// <exception cref="ArgumentException">The algorithm cannot run on the topology (<see cref="Unsupported"/> says why).</exception>
    public static IWorkerNode<T>[] Create<T>(Algorithm algorithm, RelayTopology topology, Func<int, LocalStep<T>> local, ReadOnlySpan<T> initial, AlgorithmOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(options);
        if (Unsupported(algorithm, topology) is { } reason)
            throw new ArgumentException(reason, nameof(topology));
        var nodes = new IWorkerNode<T>[topology.Workers];
        for (var i = 0; i < nodes.Length; i++)
            nodes[i] = Create(algorithm, topology, i, local(i), initial, options);
        return nodes;
    }

    private static IWorkerNode<T> Create<T>(Algorithm algorithm, RelayTopology topology, int worker, LocalStep<T> local, ReadOnlySpan<T> initial, AlgorithmOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var d = initial.Length;
        var fill = options.Fill;
        return algorithm switch
        {
            Algorithm.RelaySgd => new RelaySgdNode<T>(new RelayLanes<T>(topology.Trees, worker, d), local, fill, initial),
            Algorithm.RelaySgdGrad => new RelaySumGradNode<T>(new RelayLanes<T>(topology.Trees, worker, d), local, initial),
            Algorithm.AllReduce => new AllReduceNode<T>(worker, topology.Workers, local, initial),
            Algorithm.Gossip => new GossipSgdNode<T>(new GossipState<T>(topology.Graph, worker, d), local, initial),
            Algorithm.D2 => new D2Node<T>(new GossipState<T>(topology.Graph, worker, d), local, initial),
            Algorithm.GradientTracking => new GradientTrackingNode<T>(new GossipState<T>(topology.Graph, worker, 2 * d), local, initial),
            Algorithm.QuasiGlobalMomentum => new QuasiGlobalMomentumNode<T>(new GossipState<T>(topology.Graph, worker, d), local, initial),
            Algorithm.Sgp => new SgpNode<T>(new ExponentialSchedule(topology.Workers), worker, local, initial),
            Algorithm.ChocoSgd => new ChocoSgdNode<T>(topology.Graph, worker, local, initial, options.Choco.Compressor.Create<T>(d), options.Choco.ConsensusStep, options.Seed),
            _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown algorithm"),
        };
    }
}
