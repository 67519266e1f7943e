using System.Numerics;
using System.Runtime.CompilerServices;
using RelayActors.Models.State;

namespace RelayActors.Actors.Relay;

/// <summary>
/// One worker's side of a synchronous decentralized algorithm, independent of how messages travel: the lock-step
/// simulator (<see cref="Lockstep"/>) and the worker actor drive it the same way. A step is
/// <see cref="BeginStep"/> (local computation: gradient, optimizer) followed by <see cref="RoundsPerStep"/>
/// communication rounds; in each round the node composes one payload per channel of <see cref="Sends"/>, takes one
/// per channel of <see cref="Receives"/> (accepted, or dropped when it never came), then completes the round.
/// </summary>
/// <remarks>
/// Calls within a round may interleave freely (compose and accept in any order) because every message composed in
/// round r depends only on what was accepted up to round r − 1; the node keeps that state apart. Implementations
/// allocate nothing per step after construction.
/// <para>
/// Checkpoints (<see cref="ICheckpointable"/>) are taken between steps: after the last round of step t completed and
/// before <see cref="BeginStep"/>(t + 1). The state holds everything that determines the node's future behaviour
/// (model, relay buffers and counts, previous models or trackers, optimizer state, <see cref="Model"/> and
/// <see cref="Count"/>), not what the constructor's arguments fix. A node constructed with the same arguments that
/// reads it continues from step t + 1 with exactly the numbers of the node that wrote it.
/// </para>
/// </remarks>
public interface IWorkerNode<T> : ICheckpointable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    int Worker { get; }

    /// <summary>Length of the model (or estimate) vector.</summary>
    int Dimension { get; }

    /// <summary>Communication rounds per step (1 for every algorithm except multi-round ones such as SGP).</summary>
    int RoundsPerStep { get; }

    /// <summary>Where this worker sends in round <paramref name="round"/> of step <paramref name="step"/>.</summary>
    ReadOnlySpan<Channel> Sends(long step, int round);

    /// <summary>What this worker waits for in round <paramref name="round"/> of step <paramref name="step"/>.</summary>
    ReadOnlySpan<Channel> Receives(long step, int round);

    /// <summary>Length of a payload on lane <paramref name="lane"/>.</summary>
    int PayloadLength(int lane);

    /// <summary>
    /// Bytes a payload on lane <paramref name="lane"/> encodes to on the wire, without the message header: the dense
    /// vector unless the algorithm compresses it (Choco-SGD sends what its compressor's encoding would take).
    /// </summary>
    long PayloadBytes(int lane) => (long)PayloadLength(lane) * Unsafe.SizeOf<T>();

    /// <summary>Starts step <paramref name="step"/> (0, 1, 2, … in order) with the local computation.</summary>
    void BeginStep(long step);

    /// <summary>Writes the payload for channel <paramref name="index"/> of <see cref="Sends"/>; returns the count it carries (RelaySum's c_{i→j}; 1 otherwise).</summary>
    int Compose(int round, int index, Span<T> payload);

    /// <summary>Takes the message of channel <paramref name="index"/> of <see cref="Receives"/> (copied).</summary>
    void Accept(int round, int index, ReadOnlySpan<T> payload, int count);

    /// <summary>Records that the message of channel <paramref name="index"/> of <see cref="Receives"/> never came this round.</summary>
    void Drop(int round, int index);

    /// <summary>Ends a round once every channel of <see cref="Receives"/> was accepted or dropped; after the last round the step is done.</summary>
    void CompleteRound(int round);

    /// <summary>The model after the last completed step (the estimate, for averaging of fixed values).</summary>
    ReadOnlySpan<T> Model { get; }

    /// <summary>How many workers the last step's result represents (RelaySum's C_i, the minimum over lanes); 0 where the algorithm keeps no counts.</summary>
    int Count { get; }
}
