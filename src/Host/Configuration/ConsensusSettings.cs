using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Reports;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Configuration;

/// <summary>
/// Everything <c>relay consensus</c> was asked to do, parsed and typed. <see cref="Rounds"/> null means diameter + 2
/// (of the graph the run uses: the spanning tree when there is one). <see cref="Root"/> is the breadth-first root, only
/// with <see cref="SpanningTreeKind.BreadthFirst"/>; null means worker 0.
/// </summary>
internal sealed record ConsensusSettings(
    TopologyKind Topology,
    int Workers,
    int? Rounds,
    ConsensusAlgorithm Algorithm,
    InitialValues Values,
    int Seed,
    NetworkSettings Network,
    ClockKind Clock,
    ReportFormat Format,
    SpanningTreeKind SpanningTree,
    int? Root);
