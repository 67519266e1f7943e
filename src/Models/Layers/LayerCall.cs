using RelayActors.Models.Numerics;

namespace RelayActors.Models.Layers;

/// <summary>
/// What one forward or backward call of a <see cref="Layer"/> needs besides its tensors: the batch size, the mode,
/// the layer's private scratch (sized by <see cref="Layer.ScratchLength"/>, owned by the workspace so layers stay
/// shareable between workers) and the generator dropout masks are drawn from.
/// </summary>
internal readonly ref struct LayerCall
{
    /// <summary>Scratch kept from <c>Forward</c> to <c>Backward</c> of the same batch (masks, statistics, im2col).</summary>
    public readonly Span<float> Scratch;

    /// <summary>Generator for training-time randomness; advanced in layer order, so a copy replays the same masks.</summary>
    public readonly ref StepRandom Random;

    public LayerCall(int batch, bool training, int maxThreads, Span<float> scratch, ref StepRandom random)
    {
        Batch = batch;
        Training = training;
        MaxThreads = maxThreads;
        Scratch = scratch;
        Random = ref random;
    }

    /// <summary>Number of samples in the batch.</summary>
    public int Batch { get; }

    /// <summary>Training mode (dropout active) rather than evaluation.</summary>
    public bool Training { get; }

    /// <summary>Threads the layer may hand to <see cref="Gemm"/>.</summary>
    public int MaxThreads { get; }
}
