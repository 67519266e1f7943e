namespace RelayActors.Actors.Compression;

/// <summary>The compression operators of Choco-SGD (Koloskova et al. 2019, §5 and Appendix).</summary>
public enum CompressorKind
{
    /// <summary>Q(x) = x: no compression (Choco-SGD then is D-SGD for γ = 1).</summary>
    Identity,

    /// <summary>The k coordinates of largest magnitude, the rest zero.</summary>
    TopK,

    /// <summary>k coordinates drawn uniformly without replacement, the rest zero (not rescaled by d/k).</summary>
    RandomK,

    /// <summary>‖x‖₁/d · sign(x): one bit per coordinate and one scale.</summary>
    ScaledSign,

    /// <summary>QSGD with s levels: unbiased stochastic rounding of |x_i|/‖x‖₂ to the grid l/s.</summary>
    Qsgd,
}
