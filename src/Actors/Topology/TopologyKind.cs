namespace RelayActors.Actors.Topology;

/// <summary>The communication graphs of spec §3. Names on the command line and in config are kebab-case (<see cref="TopologyKindNames"/>).</summary>
public enum TopologyKind
{
    /// <summary>i ~ i ± 1: a path, diameter n − 1.</summary>
    Chain,

    /// <summary>i ~ (i ± 1) mod n: a cycle, not a tree.</summary>
    Ring,

    /// <summary>0 ~ every other node: diameter 2.</summary>
    Star,

    /// <summary>The paper's heap layout: edge 0–1, then parent(w) = ⌊w/2⌋ for w ≥ 2.</summary>
    BinaryTree,

    /// <summary>Every pair connected.</summary>
    FullyConnected,

    /// <summary>n = 2^d nodes, i ~ i xor 2^b: diameter d. Other sizes are rejected.</summary>
    Hypercube,

    /// <summary>networkx's Davis Southern Women graph: 18 women and 14 events, bipartite, 89 edges. Only n = 32.</summary>
    SocialNetwork,

    /// <summary>The binary tree relabelled w → n − 1 − w: the second of the double binary trees.</summary>
    ReversedBinaryTree,

    /// <summary>Spec §3's "3-tree": the root has 3 children, every other internal node 2 (maximum degree 3).</summary>
    TernaryTree,

    /// <summary>The squarest rows × cols grid with wraparound on n nodes; has cycles once both sides exceed 2.</summary>
    Torus,

    /// <summary>The binary tree and its reversed twin, each relaying half of the parameters (spec §3); as one graph, their union.</summary>
    DoubleBinaryTrees,

    /// <summary>SGP's time-varying one-peer exponential graph (<see cref="ExponentialSchedule"/>); as one graph, the union i ~ i ± 2^k of its rounds. At least 2 nodes.</summary>
    Exponential,
}
