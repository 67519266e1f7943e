using RelayActors.Actors.Network;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>What a consensus worker accepts.</summary>
public interface IConsensusMessage;

/// <summary>What the run's monitor accepts.</summary>
public interface IConsensusReport;

/// <summary>A worker's neighbour: its id, its ref and the model of the link towards it.</summary>
public sealed record NeighbourLink(int Id, IActorRef<IConsensusMessage> Ref, LinkModel Link);

/// <summary>Tells a worker who its neighbours are and starts round 0. Sent once per worker.</summary>
public sealed record StartRounds(IReadOnlyList<NeighbourLink> Neighbours) : IConsensusMessage;

/// <summary>
/// Worker <see cref="From"/>'s message of <see cref="Round"/> to one neighbour: the payload and the number of
/// workers folded into it (RelaySum's c_{i→j}; 1 for gossip). The payload's array belongs to the message once
/// sent: the sender never writes it again and receivers only read it (they copy it into their inbox).
/// </summary>
public sealed record RoundMessage(int From, int Round, int Count, ReadOnlyMemory<float> Payload) : IConsensusMessage;

/// <summary>
/// Worker <see cref="Worker"/> finished <see cref="Round"/> with this estimate and count (0 for gossip).
/// <see cref="MessagesSent"/> and <see cref="MessagesIgnored"/> (late, duplicate or from a non-neighbour) are running totals.
/// </summary>
public sealed record RoundCompleted(int Worker, int Round, int Count, ReadOnlyMemory<float> Estimate, long MessagesSent, long MessagesIgnored) : IConsensusReport;
