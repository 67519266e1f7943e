namespace RelayActors.Models.Networks;

/// <summary>One named tensor of a model, stored row-major in [Offset, Offset + Length) of the flat parameter buffer.</summary>
public sealed class ParameterSlice
{
    internal ParameterSlice(string name, int offset, int[] shape)
    {
        Name = name;
        Offset = offset;
        Shape = shape;
        Length = 1;
        foreach (var d in shape)
            Length *= d;
    }

    /// <summary>Layer name and tensor, e.g. "conv1.weight".</summary>
    public string Name { get; }

    public int Offset { get; }

    public int Length { get; }

    /// <summary>Dimensions, outermost first (a conv weight is out × in × k × k, a Linear weight out × in).</summary>
    public IReadOnlyList<int> Shape { get; }

    /// <summary>This tensor's part of a flat buffer with the layout's element order (parameters or gradients).</summary>
    public Span<float> Of(Span<float> buffer) => buffer.Slice(Offset, Length);

    /// <summary>This tensor's part of a flat buffer with the layout's element order (parameters or gradients).</summary>
    public ReadOnlySpan<float> Of(ReadOnlySpan<float> buffer) => buffer.Slice(Offset, Length);

    public override string ToString() => $"{Name} [{string.Join('×', Shape)}] @ {Offset}";
}
