namespace RelayActors.Models.Data;

/// <summary>Shape of one input sample, channels × height × width (a flat feature vector is <c>(features, 1, 1)</c>).</summary>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    /// <summary>Number of floats per sample.</summary>
    public int Size => Channels * Height * Width;

    public override string ToString() => $"{Channels}×{Height}×{Width}";
}
