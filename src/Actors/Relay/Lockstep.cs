using System.Numerics;

namespace RelayActors.Actors.Relay;

/// <summary>
/// Runs nodes synchronously without actors or delays (the recursions of spec §7): per step every node begins the
/// step; per round every node composes all its messages, then all are delivered (or dropped), then every node
/// completes the round. The oracle the actor runs must reproduce bit for bit, and a fast simulator.
/// </summary>
public static class Lockstep
{
    /// <summary>Decides whether the message of <paramref name="step"/> from <paramref name="from"/> to <paramref name="to"/> is lost.</summary>
    public delegate bool DropDecision(long step, int from, int to);

    /// <summary>
    /// Runs <paramref name="steps"/> steps of <paramref name="nodes"/> (indexed by worker id), numbered from
    /// <paramref name="firstStep"/> (the step after a restored checkpoint's; 0 for a fresh run), calling
    /// <paramref name="afterStep"/> after each and ending early once <paramref name="stop"/> is true; messages for which
    /// <paramref name="isDropped"/> says so are dropped at the receiver.
    /// </summary>
    public static void Run<T>(IReadOnlyList<IWorkerNode<T>> nodes, long steps, Action<long>? afterStep = null, DropDecision? isDropped = null, Func<bool>? stop = null, long firstStep = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        for (var i = 0; i < nodes.Count; i++)
            if (nodes[i].Worker != i)
                throw new ArgumentException($"nodes[{i}] is worker {nodes[i].Worker}; nodes must be indexed by worker id", nameof(nodes));
        for (var step = firstStep; step < firstStep + steps && !(stop?.Invoke() ?? false); step++)
        {
            foreach (var node in nodes)
                node.BeginStep(step);
            for (var round = 0; round < nodes[0].RoundsPerStep; round++)
                RunRound(nodes, step, round, isDropped);
            afterStep?.Invoke(step);
        }
    }

    private static void RunRound<T>(IReadOnlyList<IWorkerNode<T>> nodes, long step, int round, DropDecision? isDropped)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var outbox = new List<(int From, Channel To, T[] Payload, int Count)>();
        foreach (var node in nodes)
        {
            var sends = node.Sends(step, round);
            for (var k = 0; k < sends.Length; k++)
            {
                var payload = new T[node.PayloadLength(sends[k].Lane)];
                var count = node.Compose(round, k, payload);
                outbox.Add((node.Worker, sends[k], payload, count));
            }
        }
        var delivered = new bool[nodes.Count][];
        for (var i = 0; i < nodes.Count; i++)
            delivered[i] = new bool[nodes[i].Receives(step, round).Length];
        foreach (var (from, to, payload, count) in outbox)
        {
            var receiver = nodes[to.Peer];
            var index = IndexOf(receiver.Receives(step, round), new Channel(from, to.Lane));
            if (index < 0)
                throw new InvalidOperationException($"Worker {from} sent to {to} in step {step} round {round}, but worker {to.Peer} does not receive from it");
            if (isDropped is not null && isDropped(step, from, to.Peer))
                continue;
            receiver.Accept(round, index, payload, count);
            delivered[to.Peer][index] = true;
        }
        for (var i = 0; i < nodes.Count; i++)
        {
            for (var index = 0; index < delivered[i].Length; index++)
                if (!delivered[i][index])
                    nodes[i].Drop(round, index);
            nodes[i].CompleteRound(round);
        }
    }

    /// <summary>The index of <paramref name="channel"/> in <paramref name="channels"/>, or −1.</summary>
    public static int IndexOf(ReadOnlySpan<Channel> channels, Channel channel)
    {
        for (var k = 0; k < channels.Length; k++)
            if (channels[k] == channel)
                return k;
        return -1;
    }
}
