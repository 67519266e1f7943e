using System.Globalization;
using System.Text;
using RelayActors.Models.Data;
using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Networks;

/// <summary>
/// An image classifier as an immutable list of layers over one flat parameter buffer. The network holds no
/// parameters or activations: callers own the buffers (laid out by <see cref="Layout"/>) and each worker gets its
/// own <see cref="NetworkWorkspace"/>, so one instance is shared by every worker.
/// </summary>
public sealed class Network
{
    private readonly Layer[] _layers;
    private readonly int[] _offsets;

    // Cached because Layer.ParameterCount walks the tensor list, which would allocate on every step.
    private readonly int[] _lengths;

    private Network(ModelKind kind, ImageShape input, int classes, Layer[] layers)
    {
        Kind = kind;
        Input = input;
        Classes = classes;
        _layers = layers;
        _offsets = new int[layers.Length];
        _lengths = new int[layers.Length];
        var slices = new List<ParameterSlice>();
        var offset = 0;
        for (var l = 0; l < layers.Length; l++)
        {
            _offsets[l] = offset;
            _lengths[l] = layers[l].ParameterCount;
            foreach (var (suffix, shape) in layers[l].Tensors)
            {
                var slice = new ParameterSlice($"{layers[l].Name}.{suffix}", offset, shape);
                slices.Add(slice);
                offset += slice.Length;
            }
        }
        Layout = new ParameterLayout(slices);
    }

    /// <summary>
    /// Builds <paramref name="kind"/> for samples of <paramref name="input"/> and <paramref name="classes"/> outputs;
    /// throws <see cref="ArgumentException"/> naming the layer when the input is too small for the model.
    /// </summary>
    public static Network Create(ModelKind kind, ImageShape input, int classes)
    {
        if (input.Channels <= 0 || input.Height <= 0 || input.Width <= 0)
            throw new ArgumentException($"Input shape must be positive, got {input}", nameof(input));
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 2);
        Layer[] layers;
        try
        {
            layers = Architectures.Build(kind, input, classes);
        }
        catch (ArgumentException e) when (e is not ArgumentOutOfRangeException)
        {
            throw new ArgumentException($"{kind} cannot classify {input} inputs: {e.Message}", nameof(input), e);
        }
        return new Network(kind, input, classes, layers);
    }

    public ModelKind Kind { get; }

    /// <summary>Shape of one input sample.</summary>
    public ImageShape Input { get; }

    /// <summary>Number of classes, the width of the last layer.</summary>
    public int Classes { get; }

    /// <summary>Length of the flat parameter (and gradient) buffer.</summary>
    public int ParameterCount => Layout.Count;

    public ParameterLayout Layout { get; }

    /// <summary>The layers in order; internal so workspaces and tests can run them one by one.</summary>
    internal IReadOnlyList<Layer> Layers => _layers;

    /// <summary>Writes initial parameters; layer l draws from <c>StepRandom(seed, l)</c>, so a seed fixes every value.</summary>
    public void Initialize(Span<float> parameters, long seed)
    {
        CheckLength(parameters.Length, nameof(parameters));
        for (var l = 0; l < _layers.Length; l++)
        {
            var random = new StepRandom(seed, l);
            _layers[l].Initialize(ParametersOf(l, parameters), ref random);
        }
    }

    /// <summary>Buffers for forward and backward passes on batches of up to <paramref name="maxBatch"/> samples; one per worker.</summary>
    public NetworkWorkspace CreateWorkspace(int maxBatch, int maxThreads = 1) => new(this, maxBatch, maxThreads);

    /// <summary>One line per layer: name, operation, output shape and parameter count, then the totals.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{Kind}: input {Input}, {Classes} classes").AppendLine();
        foreach (var layer in _layers)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {layer.Name,-10} {layer.Describe(),-46} → {layer.Output}");
            if (layer.ParameterCount > 0)
                text.Append(' ', Math.Max(0, 12 - layer.Output.ToString().Length)).Append(CultureInfo.InvariantCulture, $" {layer.ParameterCount,10:N0} parameters");
            text.AppendLine();
        }
        text.Append(CultureInfo.InvariantCulture, $"  total {ParameterCount:N0} parameters");
        return text.ToString();
    }

    /// <summary>Layer <paramref name="layer"/>'s part of a flat parameter or gradient buffer.</summary>
    internal Span<float> ParametersOf(int layer, Span<float> buffer) => buffer.Slice(_offsets[layer], _lengths[layer]);

    /// <summary>Layer <paramref name="layer"/>'s part of a flat parameter or gradient buffer.</summary>
    internal ReadOnlySpan<float> ParametersOf(int layer, ReadOnlySpan<float> buffer) => buffer.Slice(_offsets[layer], _lengths[layer]);

    /// <summary>Throws unless a buffer named <paramref name="name"/> has the layout's length.</summary>
    internal void CheckLength(int length, string name)
    {
        if (length != ParameterCount)
            throw new ArgumentException($"{Kind} has {ParameterCount} parameters but {name} has {length} floats", name);
    }
}
