using System.Numerics;
using RelayActors.Actors.Compression;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Models.Numerics;
using RelayActors.Models.State;

namespace RelayActors.Actors.Baselines;

/// <summary>
/// Choco-SGD (Koloskova et al. 2019, Algorithm 2) at one worker i, with public copies x̂ that every worker tracks from
/// compressed differences:
/// x^{(t+1/2)} = Opt(x^{(t)}, g); q_i = Q(x^{(t+1/2)} − x̂_i) to every neighbour; x̂_j ← x̂_j + q_j for each neighbour
/// and x̂_i ← x̂_i + q_i; x^{(t+1)} = x^{(t+1/2)} + γ Σ_j W_ij (x̂_j − x̂_i) with Metropolis–Hastings weights (spec §2).
/// </summary>
/// <remarks>
/// The copies start at the initial model, which every worker shares, so they agree from step 0 without anything being
/// sent (the paper starts them at 0; with x⁰ = 0 that is the same). While no message is lost, worker i's copy of x̂_j
/// equals j's own x̂_j bit for bit, since both add the same q_j in the same order.
/// <para>
/// A dropped q_j is skipped: the receiver's copy of x̂_j keeps its value, trails j's own x̂_j by the lost q_j from then
/// on (Choco has no way to resend it) and still enters the consensus step. No renormalisation is needed, since the
/// step is a sum of differences rather than a weighted average; the lost q_j biases the pair for the rest of the run.
/// </para>
/// <para>
/// The compressor's randomness in step t is the stream (seed, worker, t) of <see cref="StepRandom"/>, a function of
/// the step, so a checkpoint needs no generator state; it holds the model, the optimizer and every x̂.
/// </para>
/// </remarks>
public sealed class ChocoSgdNode<T> : SingleRoundNode<T>, IWorkerNode<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Third id of the compressor's random stream, which keeps it apart from other (seed, worker, step) streams.</summary>
    private const long CompressorStream = 0x43686F636F;

    private readonly LocalStep<T> _local;
    private readonly ICompressor<T> _compressor;
    private readonly T _consensusStep;
    private readonly long _seed;
    private readonly int[] _neighbours;
    private readonly T[] _weights;
    private readonly T _neighbourWeight;
    private readonly T[] _model;
    private readonly T[] _half;
    private readonly T[] _own;
    private readonly T[][] _copies;
    private readonly T[] _message;
    private readonly T[] _scratch;

    public ChocoSgdNode(Graph graph, int worker, LocalStep<T> local, ReadOnlySpan<T> initial, ICompressor<T> compressor, double consensusStep, long seed)
        : base(worker, initial.Length, NeighbourChannels(NeighboursOf(graph, worker)))
    {
        ArgumentNullException.ThrowIfNull(local);
        ArgumentNullException.ThrowIfNull(compressor);
        BaselineChecks.RequireLengths(Worker, Dimension, local, initial);
        if (compressor.Dimension != Dimension)
            throw new ArgumentException($"Worker {worker}: the compressor is for {compressor.Dimension} elements, the model has {Dimension}", nameof(compressor));
        _consensusStep = T.CreateChecked(new ChocoSettings { ConsensusStep = consensusStep }.ConsensusStep);
        _local = local;
        _compressor = compressor;
        _seed = seed;
        _neighbours = graph.Neighbours(worker).ToArray();
        _weights = new T[_neighbours.Length];
        _copies = new T[_neighbours.Length][];
        _neighbourWeight = T.Zero;
        for (var k = 0; k < _neighbours.Length; k++)
        {
            _weights[k] = T.CreateChecked(graph.MetropolisHastingsWeight(worker, _neighbours[k]));
            _neighbourWeight += _weights[k];
            _copies[k] = initial.ToArray();
        }
        _model = initial.ToArray();
        _own = initial.ToArray();
        _half = new T[Dimension];
        _message = new T[Dimension];
        _scratch = new T[Dimension];
        AddStateParts(local);
    }

    /// <summary>x̂_i, this worker's public copy (what its neighbours hold of it while no message is lost).</summary>
    internal ReadOnlySpan<T> PublicCopy => _own;

    /// <summary>This worker's copy of neighbour <paramref name="neighbour"/>'s x̂.</summary>
    internal ReadOnlySpan<T> CopyOf(int neighbour)
    {
        var slot = Array.BinarySearch(_neighbours, neighbour);
        return slot >= 0 ? _copies[slot] : throw new ArgumentOutOfRangeException(nameof(neighbour), neighbour, $"Worker {neighbour} is not a neighbour of worker {Worker}");
    }

    /// <summary>
    /// What the compressor's encoding of q_i takes on the wire (a lane-0 payload is always one q_i). The class lists
    /// <see cref="IWorkerNode{T}"/> again so that this replaces the interface's dense default.
    /// </summary>
    public long PayloadBytes(int lane) =>
        lane == 0 ? _compressor.EncodedBytes(Dimension) : throw new ArgumentOutOfRangeException(nameof(lane), lane, $"Worker {Worker} uses lane 0 only");

    protected override Span<T> ModelVector => _model;

    public override void BeginStep(long step)
    {
        _model.CopyTo(_half, 0);
        _local.Apply(step, _half);
        VectorMath.Subtract<T>(_half, _own, _scratch);
        var random = new StepRandom(_seed, Worker, step, CompressorStream);
        _compressor.Compress(_scratch, _message, ref random);
        // x̂_i moves now: Compose sends q_i and the neighbours' copies are separate buffers, so order within the round is free.
        VectorMath.Add<T>(_own, _message, _own);
    }

    protected override int ComposeChannel(int index, Span<T> payload)
    {
        VectorMath.Copy<T>(_message, payload);
        return 1;
    }

    protected override void AcceptChannel(int index, ReadOnlySpan<T> payload, int count)
    {
        if (payload.Length != Dimension)
            throw new ArgumentException($"Worker {Worker}: payload from {Channels[index].Peer} has length {payload.Length}, expected {Dimension}", nameof(payload));
        VectorMath.Add(_copies[index], payload, _copies[index]);
    }

    /// <summary>Skips the lost q_j: the copy keeps its value (see the remarks).</summary>
    protected override void DropChannel(int index)
    {
    }

    protected override void CompleteStep()
    {
        // Σ_j W_ij x̂_j − (Σ_j W_ij) x̂_i, then x = x^{(t+1/2)} + γ · that.
        VectorMath.Scale<T>(_own, -_neighbourWeight, _scratch);
        for (var k = 0; k < _copies.Length; k++)
            VectorMath.MultiplyAdd<T>(_copies[k], _weights[k], _scratch, _scratch);
        VectorMath.MultiplyAdd<T>(_scratch, _consensusStep, _half, _model);
    }

    /// <summary>The neighbours (so state of another graph is refused), x̂_i and the copies of the neighbours' x̂.</summary>
    protected override void WriteNodeState(BinaryWriter writer)
    {
        StateIO.WriteSpan<int>(writer, _neighbours);
        StateIO.WriteSpan<T>(writer, _own);
        foreach (var copy in _copies)
            StateIO.WriteSpan<T>(writer, copy);
    }

    protected override void ReadNodeState(BinaryReader reader)
    {
        StateIO.ExpectSpan<int>(reader, _neighbours, $"worker {Worker}'s Choco neighbours");
        StateIO.ReadSpan<T>(reader, _own, $"worker {Worker}'s public copy x̂");
        for (var k = 0; k < _copies.Length; k++)
            StateIO.ReadSpan<T>(reader, _copies[k], $"worker {Worker}'s copy of x̂ of worker {_neighbours[k]}");
    }

    private static ReadOnlySpan<int> NeighboursOf(Graph graph, int worker)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.Neighbours(worker);
    }
}
