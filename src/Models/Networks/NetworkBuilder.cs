using RelayActors.Models.Data;
using RelayActors.Models.Layers;

namespace RelayActors.Models.Networks;

/// <summary>
/// Chains layers from an input shape, each taking the previous output shape, and names them by kind and position
/// ("conv1", "conv2", "fc1", "relu3"), which in turn names the parameter slices. A layer whose input is too small
/// throws <see cref="ArgumentException"/> while it is added.
/// </summary>
internal sealed class NetworkBuilder(ImageShape input)
{
    private readonly List<Layer> _layers = [];
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);

    /// <summary>Output shape of the last layer added (the input shape while empty).</summary>
    public ImageShape Current { get; private set; } = input;

    /// <summary>Square-kernel convolution with stride 1.</summary>
    public NetworkBuilder Conv(int outChannels, int kernel, int padding) =>
        Add(new Conv2d(NextName("conv"), Current, outChannels, kernel, 1, padding));

    public NetworkBuilder Relu() => Add(new Relu(NextName("relu"), Current));

    /// <summary>Non-overlapping k×k max pooling.</summary>
    public NetworkBuilder MaxPool(int kernel) => Add(new MaxPool2d(NextName("pool"), Current, kernel));

    public NetworkBuilder Flatten() => Add(new Flatten(NextName("flatten"), Current));

    public NetworkBuilder Dropout(float probability) => Add(new Dropout(NextName("dropout"), Current, probability));

    public NetworkBuilder Linear(int outputs) => Add(new Linear(NextName("fc"), Current, outputs));

    /// <summary>The layers in order.</summary>
    public Layer[] Build() => [.. _layers];

    private NetworkBuilder Add(Layer layer)
    {
        _layers.Add(layer);
        Current = layer.Output;
        return this;
    }

    private string NextName(string kind)
    {
        var count = _counts.GetValueOrDefault(kind) + 1;
        _counts[kind] = count;
        return $"{kind}{count}";
    }
}
