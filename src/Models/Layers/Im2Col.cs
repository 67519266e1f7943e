namespace RelayActors.Models.Layers;

/// <summary>
/// The patch matrix of one C×H×W image for a k×k convolution: row (c·k + ky)·k + kx, column oy·outW + ox holds
/// x[c, oy·stride − pad + ky, ox·stride − pad + kx] (zero in the padding). With it a convolution is one GEMM,
/// W (out × C·k·k) · columns (C·k·k × outH·outW), whose result is already the C_out×outH×outW output image.
/// </summary>
internal readonly record struct Im2Col(int Channels, int Height, int Width, int Kernel, int Stride, int Padding, int OutHeight, int OutWidth)
{
    /// <summary>Rows of the patch matrix, C·k·k.</summary>
    public int Rows => Channels * Kernel * Kernel;

    /// <summary>Columns of the patch matrix, outH·outW.</summary>
    public int Columns => OutHeight * OutWidth;

    /// <summary>Writes the patch matrix of <paramref name="image"/> into <paramref name="columns"/> (Rows × Columns).</summary>
    public void Expand(ReadOnlySpan<float> image, Span<float> columns)
    {
        for (var c = 0; c < Channels; c++)
        {
            for (var ky = 0; ky < Kernel; ky++)
            {
                for (var kx = 0; kx < Kernel; kx++)
                {
                    var row = columns.Slice((((c * Kernel) + ky) * Kernel + kx) * Columns, Columns);
                    var (first, end) = ValidOutputColumns(kx);
                    for (var oy = 0; oy < OutHeight; oy++)
                    {
                        var segment = row.Slice(oy * OutWidth, OutWidth);
                        var iy = (oy * Stride) - Padding + ky;
                        if ((uint)iy >= (uint)Height || first >= end)
                        {
                            segment.Clear();
                            continue;
                        }
                        var source = image.Slice(((c * Height) + iy) * Width, Width);
                        var ix = (first * Stride) - Padding + kx;
                        // Scalar loops: rows are 7–28 wide here, where span Clear/CopyTo calls cost more than they save.
                        for (var ox = 0; ox < first; ox++)
                            segment[ox] = 0f;
                        for (var ox = first; ox < end; ox++, ix += Stride)
                            segment[ox] = source[ix];
                        for (var ox = end; ox < segment.Length; ox++)
                            segment[ox] = 0f;
                    }
                }
            }
        }
    }

    /// <summary>The adjoint of <see cref="Expand"/>: adds every patch entry of <paramref name="columns"/> back onto its pixel of <paramref name="image"/>.</summary>
    public void FoldAdd(ReadOnlySpan<float> columns, Span<float> image)
    {
        for (var c = 0; c < Channels; c++)
        {
            for (var ky = 0; ky < Kernel; ky++)
            {
                for (var kx = 0; kx < Kernel; kx++)
                {
                    var row = columns.Slice((((c * Kernel) + ky) * Kernel + kx) * Columns, Columns);
                    var (first, end) = ValidOutputColumns(kx);
                    if (first >= end)
                        continue;
                    for (var oy = 0; oy < OutHeight; oy++)
                    {
                        var iy = (oy * Stride) - Padding + ky;
                        if ((uint)iy >= (uint)Height)
                            continue;
                        var segment = row.Slice(oy * OutWidth, OutWidth);
                        var target = image.Slice(((c * Height) + iy) * Width, Width);
                        var ix = (first * Stride) - Padding + kx;
                        for (var ox = first; ox < end; ox++, ix += Stride)
                            target[ix] += segment[ox];
                    }
                }
            }
        }
    }

    /// <summary>The output columns [first, end) whose input column ox·stride − pad + kx lies inside the image.</summary>
    private (int First, int End) ValidOutputColumns(int kx)
    {
        var offset = kx - Padding;
        var first = offset >= 0 ? 0 : (-offset + Stride - 1) / Stride;
        var end = offset >= Width ? 0 : Math.Min(OutWidth, ((Width - 1 - offset) / Stride) + 1);
        return (first, Math.Max(first, end));
    }
}
