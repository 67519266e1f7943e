using RelayActors.Models.Layers;
using RelayActors.Models.Numerics;

namespace RelayActors.Models.Networks;

/// <summary>
/// One worker's activations, layer scratch and backward buffers for a <see cref="Network"/>, all sized for
/// <see cref="MaxBatch"/> samples at construction, so training steps allocate nothing. Not thread-safe.
/// </summary>
public sealed class NetworkWorkspace
{
    private readonly Network _network;
    private readonly IReadOnlyList<Layer> _layers;
    private readonly int _maxThreads;
    private readonly float[][] _activations;
    private readonly float[][] _scratch;

    // Gradients w.r.t. a layer's output and input alternate between these two, each as large as the widest activation.
    private float[] _gradient;
    private float[] _nextGradient;

    internal NetworkWorkspace(Network network, int maxBatch, int maxThreads)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxThreads);
        _network = network;
        _layers = network.Layers;
        _maxThreads = maxThreads;
        MaxBatch = maxBatch;
        _activations = new float[_layers.Count][];
        _scratch = new float[_layers.Count][];
        var widest = network.Input.Size;
        for (var l = 0; l < _layers.Count; l++)
        {
            _activations[l] = new float[maxBatch * _layers[l].Output.Size];
            _scratch[l] = new float[_layers[l].ScratchLength(maxBatch)];
            widest = Math.Max(widest, _layers[l].Output.Size);
        }
        _gradient = new float[maxBatch * widest];
        _nextGradient = new float[maxBatch * widest];
    }

    /// <summary>Largest batch one <see cref="Gradient"/> call (or one chunk of <see cref="Evaluate"/>) may hold.</summary>
    public int MaxBatch { get; }

    /// <summary>
    /// Forward and backward pass in training mode on batch = <paramref name="labels"/>.Length samples (inputs:
    /// batch × Input.Size floats). Overwrites <paramref name="gradient"/> with ∂(mean cross-entropy)/∂parameters and
    /// returns the mean loss. Dropout masks are drawn from <paramref name="random"/> in layer order, so a copy of the
    /// generator replays the same masks.
    /// </summary>
    public float Gradient(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, Span<float> gradient, ref StepRandom random)
    {
        _network.CheckLength(gradient.Length, nameof(gradient));
        var loss = TrainingLoss(parameters, inputs, labels, ref random);
        var batch = labels.Length;
        SoftmaxCrossEntropy.Backward(labels, _network.Classes, _gradient, 1f / batch);
        for (var l = _layers.Count - 1; l >= 0; l--)
        {
            var input = l == 0 ? inputs : _activations[l - 1];
            var inputGrad = l == 0 ? Span<float>.Empty : _nextGradient.AsSpan(0, batch * _layers[l].Input.Size);
            _layers[l].Backward(
                Call(l, batch, true, ref random), _network.ParametersOf(l, parameters), input, _activations[l],
                _gradient, inputGrad, _network.ParametersOf(l, gradient));
            (_gradient, _nextGradient) = (_nextGradient, _gradient);
        }
        return loss;
    }

    /// <summary>
    /// The forward half of <see cref="Gradient"/>: mean loss in training mode, leaving the softmax in the gradient
    /// buffer for the backward pass. Alone it serves finite-difference checks at a third of a step's cost.
    /// </summary>
    internal float TrainingLoss(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, ref StepRandom random)
    {
        var batch = labels.Length;
        if (batch == 0 || batch > MaxBatch)
            throw new ArgumentOutOfRangeException(nameof(labels), batch, $"Batch size must be in [1, {MaxBatch}]");
        CheckBatch(parameters, inputs, labels);
        Forward(parameters, inputs, batch, true, ref random);
        return (float)(SoftmaxCrossEntropy.Forward(_activations[^1], labels, _network.Classes, _gradient, out _) / batch);
    }

    /// <summary>
    /// Evaluation mode (dropout off) over any number of samples, in chunks of <see cref="MaxBatch"/>:
    /// <paramref name="lossSum"/> is the summed cross-entropy and <paramref name="correct"/> the number of samples whose
    /// first maximal logit is the label.
    /// </summary>
    public void Evaluate(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels, out double lossSum, out int correct)
    {
        CheckBatch(parameters, inputs, labels);
        var unused = default(StepRandom);
        var sampleSize = _network.Input.Size;
        (lossSum, correct) = (0.0, 0);
        for (var start = 0; start < labels.Length; start += MaxBatch)
        {
            var batch = Math.Min(MaxBatch, labels.Length - start);
            Forward(parameters, inputs.Slice(start * sampleSize, batch * sampleSize), batch, false, ref unused);
            lossSum += SoftmaxCrossEntropy.Forward(_activations[^1], labels.Slice(start, batch), _network.Classes, _gradient, out var chunkCorrect);
            correct += chunkCorrect;
        }
    }

    private void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, int batch, bool training, ref StepRandom random)
    {
        for (var l = 0; l < _layers.Count; l++)
        {
            var input = l == 0 ? inputs : _activations[l - 1];
            _layers[l].Forward(Call(l, batch, training, ref random), _network.ParametersOf(l, parameters), input, _activations[l]);
        }
    }

    private LayerCall Call(int layer, int batch, bool training, ref StepRandom random) =>
        new(batch, training, _maxThreads, _scratch[layer], ref random);

    private void CheckBatch(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, ReadOnlySpan<int> labels)
    {
        _network.CheckLength(parameters.Length, nameof(parameters));
        if (inputs.Length != labels.Length * _network.Input.Size)
            throw new ArgumentException($"{labels.Length} labels need {labels.Length * _network.Input.Size} input floats ({_network.Input} each), got {inputs.Length}", nameof(inputs));
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)_network.Classes)
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"Label at index {i} is {labels[i]}, outside [0, {_network.Classes})");
        }
    }
}
