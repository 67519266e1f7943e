using System.Numerics;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Baselines;

/// <summary>
/// Stochastic gradient push (Assran et al. 2019; spec §2, simulation version <c>time_varying_sgp</c>) at one worker:
/// after the local step x ← Opt(x, g), <see cref="RoundsPerStep"/> = 2 gossip rounds on the time-varying one-peer
/// exponential graph; in round r = 2·step + j the worker sends x to i + 2^(r mod D), receives x_recv from
/// i − 2^(r mod D) (mod n) and sets x ← (x + x_recv)/2. Every round is a permutation averaged with the identity, so
/// the mixing is doubly stochastic and needs no push-sum weights. A dropped message keeps x (no renormalisation).
/// </summary>
public sealed class SgpNode<T> : IWorkerNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static readonly T Half = T.CreateChecked(0.5);

    private readonly ExponentialSchedule _schedule;
    private readonly LocalStep<T> _local;
    private readonly T[] _model;
    private readonly T[] _received;
    private readonly Channel[][] _sends;
    private readonly Channel[][] _receives;
    private bool _delivered;

    public SgpNode(ExponentialSchedule schedule, int worker, LocalStep<T> local, ReadOnlySpan<T> initial)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(local);
        if ((uint)worker >= (uint)schedule.Workers)
            throw new ArgumentOutOfRangeException(nameof(worker), worker, $"Workers are 0..{schedule.Workers - 1}");
        BaselineChecks.RequireLengths(worker, initial.Length, local, initial);
        _schedule = schedule;
        _local = local;
        Worker = worker;
        _model = initial.ToArray();
        _received = new T[initial.Length];
        // One channel per round, rewritten when asked for, so the schedule costs no allocation per step.
        _sends = [new Channel[1], new Channel[1]];
        _receives = [new Channel[1], new Channel[1]];
    }

    public int Worker { get; }

    public int Dimension => _model.Length;

    public int RoundsPerStep => 2;

    public ReadOnlySpan<T> Model => _model;

    /// <summary>SGP keeps no counts.</summary>
    public int Count => 0;

    public ReadOnlySpan<Channel> Sends(long step, int round)
    {
        _sends[CheckRound(round)][0] = new Channel(_schedule.SendTo(Worker, ScheduleRound(step, round)), 0);
        return _sends[round];
    }

    public ReadOnlySpan<Channel> Receives(long step, int round)
    {
        _receives[CheckRound(round)][0] = new Channel(_schedule.ReceiveFrom(Worker, ScheduleRound(step, round)), 0);
        return _receives[round];
    }

    public int PayloadLength(int lane) =>
        lane == 0 ? Dimension : throw new ArgumentOutOfRangeException(nameof(lane), lane, $"Worker {Worker} uses lane 0 only");

    public void BeginStep(long step)
    {
        _local.Apply(step, _model);
        _delivered = false;
    }

    public int Compose(int round, int index, Span<T> payload)
    {
        CheckRound(round);
        CheckIndex(index);
        // x changes only when the round completes, so this is the model every message of the round carries.
        _model.CopyTo(payload);
        return 1;
    }

    public void Accept(int round, int index, ReadOnlySpan<T> payload, int count)
    {
        CheckRound(round);
        CheckIndex(index);
        if (payload.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: payload of round {round} has length {payload.Length}, expected {Dimension}", nameof(payload));
        payload.CopyTo(_received);
        _delivered = true;
    }

    public void Drop(int round, int index)
    {
        CheckRound(round);
        CheckIndex(index);
        _delivered = false;
    }

    public void CompleteRound(int round)
    {
        CheckRound(round);
        if (!_delivered)
            return;
        VectorMath.Add<T>(_model, _received, _model);
        VectorMath.Scale<T>(_model, Half, _model);
        _delivered = false;
    }

    /// <summary>The model and the local optimizer; the received buffer is read only after a message of the round overwrote it.</summary>
    public void WriteState(BinaryWriter writer)
    {
        NodeStateHeader.Write<T>(writer, GetType(), Worker, Dimension, _model, Count);
        _local.WriteState(writer);
    }

    public void ReadState(BinaryReader reader)
    {
        NodeStateHeader.Read<T>(reader, GetType(), Worker, Dimension, _model);
        _local.ReadState(reader);
        _delivered = false;
    }

    /// <summary>Rounds count on across steps: round j of step t is round 2t + j of the schedule.</summary>
    private long ScheduleRound(long step, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        return (step * RoundsPerStep) + round;
    }

    private int CheckRound(int round) =>
        (uint)round < (uint)RoundsPerStep ? round : throw new ArgumentOutOfRangeException(nameof(round), round, $"Worker {Worker} has rounds 0..{RoundsPerStep - 1} per step");

    private void CheckIndex(int index)
    {
        if (index != 0)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Worker {Worker} has one channel per round");
    }
}
