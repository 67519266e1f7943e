namespace RelayActors.Models.Networks;

/// <summary>
/// How a model's tensors tile its flat parameter buffer: slices in layer order, back to back, covering
/// [0, <see cref="Count"/>) exactly. Gradients use the same layout, so an optimizer or a relay message works on the
/// whole buffer at once and only code that cares about individual tensors looks here.
/// </summary>
public sealed class ParameterLayout
{
    private readonly Dictionary<string, ParameterSlice> _byName;

    internal ParameterLayout(IReadOnlyList<ParameterSlice> slices)
    {
        Slices = slices;
        _byName = new Dictionary<string, ParameterSlice>(slices.Count, StringComparer.Ordinal);
        foreach (var slice in slices)
        {
            if (slice.Offset != Count)
                throw new ArgumentException($"Slice {slice.Name} starts at {slice.Offset}, expected {Count} (slices must be contiguous)", nameof(slices));
            _byName.Add(slice.Name, slice);
            Count += slice.Length;
        }
    }

    /// <summary>Total number of floats in the buffer.</summary>
    public int Count { get; }

    /// <summary>Slices in buffer order.</summary>
    public IReadOnlyList<ParameterSlice> Slices { get; }

    /// <summary>The slice named <paramref name="name"/> (e.g. "fc1.bias").</summary>
    public ParameterSlice this[string name] =>
        _byName.TryGetValue(name, out var slice)
            ? slice
            : throw new KeyNotFoundException($"No parameter tensor '{name}'; the layout has {string.Join(", ", _byName.Keys)}");
}
