using RelayActors.Actors.Network;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>What a worker actor accepts.</summary>
public interface IWorkerMessage;

/// <summary>What a run's monitor accepts.</summary>
public interface IWorkerReport;

/// <summary>
/// Starts step 0 of a worker. <see cref="Workers"/>[j] is worker j's ref; the worker opens a link to a peer when it
/// first sends to it, with the peer's <see cref="NetworkSettings.LinkFor"/> model and a random source derived from
/// (<see cref="Seed"/>, from, to), so link behaviour does not depend on the order links are opened. Sent once per worker.
/// </summary>
public sealed record StartWorker(IReadOnlyList<IActorRef<IWorkerMessage>> Workers, NetworkSettings Network, int Seed) : IWorkerMessage;

/// <summary>
/// Worker <see cref="From"/>'s message of round <see cref="Round"/> of <see cref="Step"/> on <see cref="Lane"/>: the payload
/// and the number of workers folded into it (RelaySum's c_{i→j}; 1 for the other algorithms). The payload's array
/// belongs to the message once sent: the sender never writes it again and receivers only read it.
/// </summary>
public sealed record PeerMessage<T>(int From, long Step, int Round, int Lane, int Count, ReadOnlyMemory<T> Payload) : IRoundMessage;

/// <summary>
/// The link lost worker <see cref="From"/>'s message of round <see cref="Round"/> of <see cref="Step"/> on
/// <see cref="Lane"/> (a drop or an outage); sent only with <c>relay-actors.network.notify-drops</c>, so that the
/// receiver moves on without a timeout.
/// </summary>
public sealed record MessageLost(int From, long Step, int Round, int Lane) : IRoundMessage;

/// <summary>What a peer sends for one channel of one round: the message itself or the notice that it was lost.</summary>
public interface IRoundMessage : IWorkerMessage
{
    int From { get; }

    long Step { get; }

    int Round { get; }

    int Lane { get; }
}

/// <summary>A worker's own reminder that round <see cref="Round"/> of <see cref="Step"/> has waited long enough.</summary>
public sealed record RoundTimeout(long Step, int Round) : IWorkerMessage;

/// <summary>
/// Worker <see cref="Worker"/> finished <see cref="Step"/> with this model (a copy) and count (RelaySum's C_i; 0 where
/// the algorithm keeps none). <see cref="Counters"/> are running totals.
/// </summary>
public sealed record StepCompleted<T>(int Worker, long Step, int Count, ReadOnlyMemory<T> Model, WorkerCounters Counters) : IWorkerReport;

/// <summary>
/// A worker's running totals: messages and bytes it handed to its links, messages its links dropped, messages it
/// ignored (late, duplicate or from a stranger) and messages it gave up waiting for at a round timeout. Messages silenced
/// by an outage count as sent and dropped (never as bytes).
/// </summary>
public readonly record struct WorkerCounters(long MessagesSent, long BytesSent, long MessagesDroppedByLinks, long MessagesIgnored, long MessagesTimedOut);
