using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Host.Reports;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Configuration;

/// <summary>Everything <c>relay consensus</c> was asked to do, parsed and typed. <see cref="Rounds"/> null means diameter + 2.</summary>
internal sealed record ConsensusSettings(
    TopologyKind Topology,
    int Workers,
    int? Rounds,
    ConsensusAlgorithm Algorithm,
    InitialValues Values,
    int Seed,
    TimeSpan Latency,
    ClockKind Clock,
    ReportFormat Format);
