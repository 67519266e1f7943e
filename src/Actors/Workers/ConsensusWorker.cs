using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Actors.Workers;

/// <summary>
/// A worker that runs synchronous averaging rounds with its neighbours, without a coordinator: in round t it sends
/// one <see cref="RoundMessage"/> per neighbour through a <see cref="DelayedLink{TMessage}"/>, waits for every
/// neighbour's round-t message, completes the round on its <see cref="IConsensusNode"/>, reports to the monitor and
/// moves on. A neighbour can be at most one round ahead (it needs our round-t message to leave round t), so one
/// early-message slot per neighbour suffices; early messages must wait because accepting them would overwrite the
/// round-t message the node still needs.
/// </summary>
internal sealed class ConsensusWorker : Actor<IConsensusMessage>
{
    private const int NotStarted = -1;

    private readonly IConsensusNode _node;
    private readonly int _rounds;
    private readonly IActorRef<IConsensusReport> _monitor;
    private readonly bool[] _received;
    private readonly RoundMessage?[] _early;
    private DelayedLink<IConsensusMessage>[] _links = [];
    private int _receivedCount;
    private int _round = NotStarted;
    private long _ignored;

    public ConsensusWorker(IConsensusNode node, int rounds, IActorRef<IConsensusReport> monitor)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentOutOfRangeException.ThrowIfNegative(rounds);
        ArgumentNullException.ThrowIfNull(monitor);
        _node = node;
        _rounds = rounds;
        _monitor = monitor;
        _received = new bool[node.Neighbours.Length];
        _early = new RoundMessage?[node.Neighbours.Length];
    }

    protected override void Receive(IConsensusMessage message)
    {
        switch (message)
        {
            case RoundMessage m:
                OnRoundMessage(m);
                break;
            case StartRounds s:
                OnStart(s);
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void OnStart(StartRounds start)
    {
        if (_round != NotStarted)
            throw new InvalidOperationException($"Worker {_node.Worker} got a second StartRounds while in round {_round}");
        _links = new DelayedLink<IConsensusMessage>[_received.Length];
        foreach (var neighbour in start.Neighbours)
        {
            var slot = _node.SlotOf(neighbour.Id);
            if (slot < 0 || _links[slot] is not null)
                throw new ArgumentException($"Worker {_node.Worker}: {neighbour.Id} is not a neighbour or is listed twice (neighbours: {string.Join(", ", _node.Neighbours.ToArray())})", nameof(start));
            _links[slot] = new DelayedLink<IConsensusMessage>(Context.Scheduler, neighbour.Ref, neighbour.Link);
        }
        if (start.Neighbours.Count != _links.Length)
            throw new ArgumentException($"Worker {_node.Worker} got {start.Neighbours.Count} neighbour links, expected {_links.Length}", nameof(start));
        _round = 0;
        if (_rounds > 0)
            BeginRound();
        CompleteReadyRounds();
    }

    private void OnRoundMessage(RoundMessage message)
    {
        var slot = _node.SlotOf(message.From);
        if (slot < 0 || message.Round < _round || (message.Round == _round && _received[slot]))
        {
            // Unknown sender, late or duplicate: expected network events, counted and dropped (C10).
            _ignored++;
            return;
        }
        if (message.Round > _round)
        {
            if (message.Round > _round + 1 || _early[slot] is not null)
                throw new InvalidOperationException($"Worker {_node.Worker} in round {_round} got round {message.Round} from {message.From}, but a neighbour can only be one round ahead");
            _early[slot] = message;
            return;
        }
        AcceptCurrent(slot, message);
        CompleteReadyRounds();
    }

    /// <summary>Composes and sends this round's message to every neighbour, then takes early messages of this round.</summary>
    private void BeginRound()
    {
        var neighbours = _node.Neighbours;
        for (var k = 0; k < neighbours.Length; k++)
        {
            // A fresh array per message: it travels with the message and is never written again (C4, C7).
            var payload = new float[_node.Dimension];
            var count = _node.ComposeOutgoing(neighbours[k], payload);
            _links[k].Send(new RoundMessage(_node.Worker, _round, count, payload), Context.SelfRef);
        }
        for (var k = 0; k < _early.Length; k++)
        {
            if (_early[k] is { } early && early.Round == _round)
            {
                _early[k] = null;
                AcceptCurrent(k, early);
            }
        }
    }

    private void AcceptCurrent(int slot, RoundMessage message)
    {
        _node.Accept(message.From, message.Payload.Span, message.Count);
        _received[slot] = true;
        _receivedCount++;
    }

    private void CompleteReadyRounds()
    {
        while (_round >= 0 && _round < _rounds && _receivedCount == _received.Length)
        {
            var estimate = new float[_node.Dimension];
            var count = _node.CompleteRound(estimate);
            _monitor.Tell(new RoundCompleted(_node.Worker, _round, count, estimate, MessagesSent(), _ignored), Context.SelfRef);
            Array.Clear(_received);
            _receivedCount = 0;
            _round++;
            if (_round < _rounds)
                BeginRound();
        }
    }

    private long MessagesSent()
    {
        long sent = 0;
        foreach (var link in _links)
            sent += link.MessagesSent;
        return sent;
    }
}
