using RelayActors.Actors.Relay;

namespace RelayActors.Actors.Tests.Support;

/// <summary>
/// Wraps a node and keeps a copy of every message it accepts and of its model and count after every round, so tests
/// can look inside what the worker actors exchanged. Test-only: records allocate.
/// </summary>
internal sealed class RecordingNode(IWorkerNode<double> inner) : IWorkerNode<double>
{
    private readonly List<Received> _received = [];
    private readonly List<(long Step, double[] Model, int Count)> _rounds = [];
    private long _step;

    public int Worker => inner.Worker;

    public int Dimension => inner.Dimension;

    public int RoundsPerStep => inner.RoundsPerStep;

    public ReadOnlySpan<double> Model => inner.Model;

    public int Count => inner.Count;

    /// <summary>Every accepted message, in the order the worker took them.</summary>
    public IReadOnlyList<Received> Messages => _received;

    /// <summary>The model and count after every completed round.</summary>
    public IReadOnlyList<(long Step, double[] Model, int Count)> Rounds => _rounds;

    public ReadOnlySpan<Channel> Sends(long step, int round) => inner.Sends(step, round);

    public ReadOnlySpan<Channel> Receives(long step, int round) => inner.Receives(step, round);

    public int PayloadLength(int lane) => inner.PayloadLength(lane);

    public void BeginStep(long step)
    {
        _step = step;
        inner.BeginStep(step);
    }

    public int Compose(int round, int index, Span<double> payload) => inner.Compose(round, index, payload);

    public void Accept(int round, int index, ReadOnlySpan<double> payload, int count)
    {
        _received.Add(new Received(_step, inner.Receives(_step, round)[index], payload.ToArray(), count));
        inner.Accept(round, index, payload, count);
    }

    public void Drop(int round, int index) => inner.Drop(round, index);

    public void CompleteRound(int round)
    {
        inner.CompleteRound(round);
        _rounds.Add((_step, inner.Model.ToArray(), inner.Count));
    }

    /// <summary>The inner node's state; the records are observations, not state, and the step is set again by the next BeginStep.</summary>
    public void WriteState(BinaryWriter writer) => inner.WriteState(writer);

    public void ReadState(BinaryReader reader) => inner.ReadState(reader);

    /// <summary>A message accepted in <paramref name="Step"/> from <paramref name="From"/>.</summary>
    internal sealed record Received(long Step, Channel From, double[] Payload, int Count);
}
