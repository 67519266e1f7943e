using RelayActors.Actors.Relay;
using RelayActors.Tests.Shared;

namespace RelayActors.Actors.Tests.Support;

/// <summary>
/// Drives single-round nodes through whole steps as <see cref="Lockstep"/> does (begin, compose all, accept all,
/// complete), but with every payload buffer and route prepared in the constructor, so that any allocation measured
/// across <see cref="RunSteps"/> comes from the nodes.
/// </summary>
internal sealed class PreallocatedRounds
{
    private readonly IWorkerNode<double>[] _nodes;
    private readonly double[][][] _payloads;
    private readonly int[][] _counts;
    private readonly int[][] _receiverIndex;
    private long _step;

    public PreallocatedRounds(IWorkerNode<double>[] nodes)
    {
        _nodes = nodes;
        _payloads = new double[nodes.Length][][];
        _counts = new int[nodes.Length][];
        _receiverIndex = new int[nodes.Length][];
        for (var i = 0; i < nodes.Length; i++)
        {
            var sends = nodes[i].Sends(0, 0);
            _payloads[i] = new double[sends.Length][];
            _counts[i] = new int[sends.Length];
            _receiverIndex[i] = new int[sends.Length];
            for (var k = 0; k < sends.Length; k++)
            {
                _payloads[i][k] = new double[nodes[i].PayloadLength(sends[k].Lane)];
                _receiverIndex[i][k] = Lockstep.IndexOf(nodes[sends[k].Peer].Receives(0, 0), new Channel(i, sends[k].Lane));
            }
        }
    }

    /// <summary>Bytes this thread allocates running <paramref name="steps"/> more steps (see <see cref="SteadyAllocation"/>).</summary>
    public long AllocatedBytesOver(int steps) => SteadyAllocation.BytesPerBatch(() => RunSteps(steps));

    public void RunSteps(int steps)
    {
        for (var s = 0; s < steps; s++, _step++)
        {
            foreach (var node in _nodes)
                node.BeginStep(_step);
            for (var i = 0; i < _nodes.Length; i++)
                for (var k = 0; k < _payloads[i].Length; k++)
                    _counts[i][k] = _nodes[i].Compose(0, k, _payloads[i][k]);
            for (var i = 0; i < _nodes.Length; i++)
            {
                var sends = _nodes[i].Sends(_step, 0);
                for (var k = 0; k < sends.Length; k++)
                    _nodes[sends[k].Peer].Accept(0, _receiverIndex[i][k], _payloads[i][k], _counts[i][k]);
            }
            foreach (var node in _nodes)
                node.CompleteRound(0);
        }
    }
}
