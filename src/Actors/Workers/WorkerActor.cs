using System.Numerics;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Runtime.Kernel;
using RelayActors.Runtime.Scheduling;

namespace RelayActors.Actors.Workers;

/// <summary>
/// A worker: runs its <see cref="IWorkerNode{T}"/> step after step with no coordinator. In each round it sends one
/// <see cref="PeerMessage{T}"/> per channel through a <see cref="DelayedLink{TMessage}"/> and moves on once every
/// expected message of the round has arrived (synchronous RelaySGD) or, with the network's round timeout, once it has
/// passed; missing messages then count as dropped. Messages of later rounds, and those that arrive before
/// <see cref="StartWorker"/>, wait in a bounded early buffer; late ones are counted and ignored. Reports the model
/// to the monitor off the critical path.
/// </summary>
internal sealed class WorkerActor<T> : Actor<IWorkerMessage>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const long NotStarted = -1;

    private readonly IWorkerNode<T> _node;
    private readonly WorkerOptions _options;
    private readonly IActorRef<IWorkerReport> _monitor;
    private readonly PayloadPool<T>? _payloads;
    private readonly List<IRoundMessage> _early = [];
    private readonly Dictionary<int, DelayedLink<IWorkerMessage>> _links = [];
    private StartWorker? _start;
    private bool[] _received = [];
    private int _receivedCount;
    private long _step = NotStarted;
    private int _round;
    private ICancelable? _timeout;
    private long _ignored;
    private long _timedOut;
    private long _silenced;

    public WorkerActor(IWorkerNode<T> node, WorkerOptions options, IActorRef<IWorkerReport> monitor, PayloadPool<T>? payloads = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(monitor);
        _node = node;
        _options = options;
        _monitor = monitor;
        _payloads = payloads;
    }

    private bool Finished => _step >= _options.Steps;

    protected override void Receive(IWorkerMessage message)
    {
        switch (message)
        {
            case PeerMessage<T> m:
                OnPeerMessage(m);
                break;
            case MessageLost m:
                OnPeerMessage(m);
                break;
            case RoundTimeout t:
                OnRoundTimeout(t);
                break;
            case StartWorker s:
                OnStart(s);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    protected override void PostStop() => _timeout?.Cancel();

    private void OnStart(StartWorker start)
    {
        if (_step != NotStarted)
            throw new InvalidOperationException($"Worker {_node.Worker} got a second StartWorker in step {_step}");
        if ((uint)_node.Worker >= (uint)start.Workers.Count)
            throw new ArgumentException($"Worker {_node.Worker} is not in a directory of {start.Workers.Count} workers", nameof(start));
        _start = start;
        _step = _options.FirstStep;
        EnterStep();
        Advance();
    }

    private void OnPeerMessage(IRoundMessage message)
    {
        // Before StartWorker a message counts from the segment's first round: a peer on another node may start first.
        var (step, round) = _step == NotStarted ? (_options.FirstStep, 0) : (_step, _round);
        if (Finished || IsBefore(message.Step, message.Round, step, round))
        {
            // Late (its round was completed or timed out) or after the run: an expected network event (C10).
            _ignored++;
            return;
        }
        if (_step == NotStarted || message.Step != _step || message.Round != _round)
        {
            if (_early.Count < _options.MaxEarlyMessages)
                _early.Add(message);
            else
                _ignored++;
            return;
        }
        if (TryAccept(message))
            Advance();
    }

    private void OnRoundTimeout(RoundTimeout timeout)
    {
        if (Finished || timeout.Step != _step || timeout.Round != _round)
            return;
        for (var index = 0; index < _received.Length; index++)
        {
            if (_received[index])
                continue;
            _node.Drop(_round, index);
            _received[index] = true;
            _receivedCount++;
            _timedOut++;
        }
        Advance();
    }

    /// <summary>Completes rounds while every expected message is in, entering the next round or step each time.</summary>
    private void Advance()
    {
        while (!Finished && _receivedCount == _received.Length)
        {
            _timeout?.Cancel();
            _timeout = null;
            _node.CompleteRound(_round);
            if (++_round < _node.RoundsPerStep)
            {
                EnterRound();
                continue;
            }
            Report();
            _round = 0;
            if (++_step < _options.Steps)
                EnterStep();
        }
    }

    private void EnterStep()
    {
        _node.BeginStep(_step);
        EnterRound();
    }

    /// <summary>Sends this round's messages, arms the timeout, then takes the early messages of this round.</summary>
    private void EnterRound()
    {
        var sends = _node.Sends(_step, _round);
        for (var k = 0; k < sends.Length; k++)
        {
            // An array per message: it travels with the message and is never written again (C4, C7). From the pool it
            // may hold an old payload, so it is cleared: Compose need not write every element.
            var length = _node.PayloadLength(sends[k].Lane);
            T[] payload;
            if (_payloads is { } pool)
            {
                payload = pool.Rent(length);
                Array.Clear(payload);
            }
            else
            {
                payload = new T[length];
            }
            var count = _node.Compose(_round, k, payload);
            var message = new PeerMessage<T>(_node.Worker, _step, _round, sends[k].Lane, count, payload);
            var link = LinkTo(sends[k].Peer);
            var network = _start!.Network;
            bool delivered;
            if (network.Outages.Count > 0 && network.IsSilenced(_node.Worker, sends[k].Peer, _step))
            {
                _silenced++;
                delivered = false;
            }
            else
            {
                delivered = link.Send(message, MessageBytes(sends[k].Lane), Context.SelfRef);
            }
            if (!delivered && network.NotifyDrops)
                link.SendNotice(new MessageLost(_node.Worker, _step, _round, sends[k].Lane), Context.SelfRef);
        }
        var expected = _node.Receives(_step, _round).Length;
        if (_received.Length != expected)
            _received = new bool[expected];
        else
            Array.Clear(_received);
        _receivedCount = 0;
        if (_start!.Network.RoundTimeout is { } wait && expected > 0)
            _timeout = Context.Scheduler.ScheduleTellOnce<IWorkerMessage>(wait, Context.Self, new RoundTimeout(_step, _round), Context.SelfRef);
        for (var i = 0; i < _early.Count;)
        {
            var early = _early[i];
            if (early.Step == _step && early.Round == _round)
            {
                _early.RemoveAt(i);
                TryAccept(early);
            }
            else
            {
                i++;
            }
        }
    }

    private bool TryAccept(IRoundMessage message)
    {
        var index = Lockstep.IndexOf(_node.Receives(_step, _round), new Channel(message.From, message.Lane));
        if (index < 0 || _received[index])
        {
            // A stranger or a duplicate.
            _ignored++;
            return false;
        }
        if (message is PeerMessage<T> peer)
        {
            _node.Accept(_round, index, peer.Payload.Span, peer.Count);
            // Folded in: this worker was the payload's last reader (hand-off, see PayloadPool).
            _payloads?.Return(peer.Payload);
        }
        else
            _node.Drop(_round, index);
        _received[index] = true;
        _receivedCount++;
        return true;
    }

    private void Report()
    {
        var last = _step == _options.Steps - 1;
        if (!last && (_step + 1 - _options.FirstStep) % _options.ReportEvery != 0)
            return;
        var model = _options.IncludeModel ? _node.Model.ToArray() : ReadOnlyMemory<T>.Empty;
        _monitor.Tell(new StepCompleted<T>(_node.Worker, _step, _node.Count, model, Counters()), Context.SelfRef);
    }

    private WorkerCounters Counters()
    {
        long sent = 0, bytes = 0, dropped = 0;
        foreach (var link in _links.Values)
        {
            sent += link.MessagesSent;
            bytes += link.BytesSent;
            dropped += link.MessagesDropped;
        }
        return new WorkerCounters(sent + _silenced, bytes, dropped + _silenced, _ignored, _timedOut);
    }

    private DelayedLink<IWorkerMessage> LinkTo(int peer)
    {
        if (_links.TryGetValue(peer, out var link))
            return link;
        var start = _start!;
        if ((uint)peer >= (uint)start.Workers.Count || peer == _node.Worker)
            throw new InvalidOperationException($"Worker {_node.Worker} must send to {peer} in step {_step} round {_round}, which is not another worker of the run (0..{start.Workers.Count - 1})");
        var from = _node.Worker;
        link = new DelayedLink<IWorkerMessage>(Context.Scheduler, start.Workers[peer], start.Network.LinkFor(from, peer), start.Network.RandomFor(from, peer, start.Seed));
        _links.Add(peer, link);
        return link;
    }

    /// <summary>Bytes on the wire: the payload as the node encodes it (compressed for Choco-SGD) plus a fixed header (ids, step, round, lane, count).</summary>
    private long MessageBytes(int lane) => PeerMessageHeaderBytes + _node.PayloadBytes(lane);

    private const int PeerMessageHeaderBytes = 32;

    private static bool IsBefore(long step, int round, long currentStep, int currentRound) =>
        step < currentStep || (step == currentStep && round < currentRound);
}
