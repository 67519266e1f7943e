using RelayActors.Models.Data;
using RelayActors.Models.Layers;

namespace RelayActors.Models.Networks;

/// <summary>
/// The layer lists of the four <see cref="ModelKind"/>s. Parameter counts on 1×28×28 inputs with 10 classes:
/// logistic regression 7,850; MLP 235,146; LeNet 61,706; VggSmall 537,994 (hand counts in the tests).
/// </summary>
internal static class Architectures
{
    /// <summary>Layers of <paramref name="kind"/> for samples of shape <paramref name="input"/>.</summary>
    public static Layer[] Build(ModelKind kind, ImageShape input, int classes) => kind switch
    {
        ModelKind.LogisticRegression => new NetworkBuilder(input).Flatten().Linear(classes).Build(),
        ModelKind.Mlp => Mlp(input, classes),
        ModelKind.LeNet => LeNet(input, classes),
        ModelKind.VggSmall => VggSmall(input, classes),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown model kind"),
    };

    /// <summary>Flatten → Linear 256 → ReLU → Linear 128 → ReLU → Linear classes.</summary>
    private static Layer[] Mlp(ImageShape input, int classes) =>
        new NetworkBuilder(input).Flatten().Linear(256).Relu().Linear(128).Relu().Linear(classes).Build();

    /// <summary>
    /// LeNet-5 (LeCun et al. 1998) in its modern form: conv 6@5×5 pad 2 → ReLU → maxpool 2 → conv 16@5×5 → ReLU →
    /// maxpool 2 → Flatten → Linear 120 → ReLU → Linear 84 → ReLU → Linear classes. On 28×28 the second conv sees
    /// 14×14 and the classifier 16×5×5 = 400 features; inputs need at least 12×12.
    /// </summary>
    private static Layer[] LeNet(ImageShape input, int classes) =>
        new NetworkBuilder(input)
            .Conv(6, 5, 2).Relu().MaxPool(2)
            .Conv(16, 5, 0).Relu().MaxPool(2)
            .Flatten().Linear(120).Relu().Linear(84).Relu().Linear(classes).Build();

    /// <summary>
    /// VGG-style, all convolutions 3×3 pad 1 with ReLU, no BatchNorm: conv 32 → pool → conv 64 → pool → conv 128 →
    /// conv 128 → pool → Flatten → Dropout 0.5 → Linear 256 → ReLU → Dropout 0.5 → Linear classes. On 28×28 the
    /// pools give 14, 7 and 3 (the last drops a row and column), so the classifier sees 128×3×3 = 1,152 features;
    /// inputs need at least 8×8.
    /// </summary>
    private static Layer[] VggSmall(ImageShape input, int classes) =>
        new NetworkBuilder(input)
            .Conv(32, 3, 1).Relu().MaxPool(2)
            .Conv(64, 3, 1).Relu().MaxPool(2)
            .Conv(128, 3, 1).Relu().Conv(128, 3, 1).Relu().MaxPool(2)
            .Flatten().Dropout(0.5f).Linear(256).Relu().Dropout(0.5f).Linear(classes).Build();
}
