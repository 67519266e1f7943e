using RelayActors.Actors.Compression;

namespace RelayActors.Actors.Baselines;

/// <summary>Choco-SGD's parameters: the message compressor and the consensus step size γ.</summary>
public sealed record ChocoSettings
{
    public CompressorSettings Compressor { get; init; } = new();

    /// <summary>
    /// γ in (0, 1]: how far a step moves towards the neighbours' public copies (1 with the identity compressor is D-SGD).
    /// The default 0.2 is stable with a tenth of the coordinates on the random quadratics (top-k and random-k, η 0.1
    /// to 0.5, chain and ring), where 0.5 diverges at small η; the coarser Q, the smaller γ must be.
    /// </summary>
    public double ConsensusStep
    {
        get;
        init => field = value is > 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(ConsensusStep), value, "The consensus step must be in (0, 1]");
    } = 0.2;
}
