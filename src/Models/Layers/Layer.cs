using System.Numerics.Tensors;
using RelayActors.Models.Data;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Layers;

/// <summary>
/// One stage of a feed-forward network acting on a batch of samples stored back to back (NCHW for images). A layer
/// holds only its shapes: parameters live in a slice of the network's flat buffer and per-batch state in the
/// workspace's scratch, so one instance serves every worker. Implementations loop over whole tensors (GEMM,
/// <see cref="TensorPrimitives"/>), never with a virtual call per element.
/// </summary>
internal abstract class Layer
{
    protected Layer(string name, ImageShape input, ImageShape output)
    {
        if (output.Channels <= 0 || output.Height <= 0 || output.Width <= 0)
            throw new ArgumentException($"Layer {name} ({GetType().Name}) cannot take input {input}: its output would be {output}", nameof(input));
        Name = name;
        Input = input;
        Output = output;
    }

    /// <summary>Name that prefixes the layer's parameter slices ("conv1" → "conv1.weight").</summary>
    public string Name { get; }

    /// <summary>Shape of one input sample.</summary>
    public ImageShape Input { get; }

    /// <summary>Shape of one output sample.</summary>
    public ImageShape Output { get; }

    /// <summary>Parameter tensors in buffer order, with their shapes; their lengths sum to <see cref="ParameterCount"/>.</summary>
    public virtual IReadOnlyList<(string Suffix, int[] Shape)> Tensors => [];

    /// <summary>Number of floats this layer owns in the flat parameter buffer.</summary>
    public int ParameterCount
    {
        get
        {
            var count = 0;
            foreach (var (_, shape) in Tensors)
                count += Length(shape);
            return count;
        }
    }

    /// <summary>Floats of scratch one call needs for batches up to <paramref name="maxBatch"/>.</summary>
    public virtual int ScratchLength(int maxBatch) => 0;

    /// <summary>One-line description of the operation for <c>Network.Describe</c>.</summary>
    public abstract string Describe();

    /// <summary>Writes initial values into the layer's parameter slice; draws only from <paramref name="random"/>.</summary>
    public virtual void Initialize(Span<float> parameters, ref StepRandom random)
    {
    }

    /// <summary>Computes <paramref name="output"/> (batch × Output.Size) from <paramref name="input"/> (batch × Input.Size).</summary>
    public abstract void Forward(LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>
    /// Given ∂L/∂output, <em>writes</em> ∂L/∂parameters into <paramref name="parameterGrad"/> and ∂L/∂input into
    /// <paramref name="inputGrad"/>; an empty <paramref name="inputGrad"/> (the first layer) skips that part.
    /// <paramref name="input"/> and <paramref name="output"/> are the values of the preceding <c>Forward</c> call.
    /// </summary>
    public abstract void Backward(
        LayerCall call, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, ReadOnlySpan<float> output,
        ReadOnlySpan<float> outputGrad, Span<float> inputGrad, Span<float> parameterGrad);

    /// <summary>Number of elements of a tensor of <paramref name="shape"/>.</summary>
    protected static int Length(int[] shape)
    {
        var length = 1;
        foreach (var d in shape)
            length *= d;
        return length;
    }

    /// <summary>Fills <paramref name="values"/> with N(0, <paramref name="std"/>²) draws (Kaiming-normal for convolutions).</summary>
    protected static void FillNormal(Span<float> values, double std, ref StepRandom random)
    {
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)(std * random.NextNormal());
    }

    /// <summary>Fills <paramref name="values"/> with U(−<paramref name="bound"/>, <paramref name="bound"/>) draws (PyTorch's Linear default).</summary>
    protected static void FillUniform(Span<float> values, double bound, ref StepRandom random)
    {
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)(bound * ((2 * random.NextDouble()) - 1));
    }
}
