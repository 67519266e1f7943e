namespace RelayActors.Models.Networks;

/// <summary>The image classifiers <see cref="Network.Create"/> builds; their layers are listed in <see cref="Architectures"/>.</summary>
public enum ModelKind
{
    /// <summary>Flatten → Linear: a convex baseline.</summary>
    LogisticRegression,

    /// <summary>Flatten → Linear 256 → ReLU → Linear 128 → ReLU → Linear classes.</summary>
    Mlp,

    /// <summary>LeNet-5 with ReLU and max pooling, as in the classic MNIST setup.</summary>
    LeNet,

    /// <summary>A small VGG-style network without BatchNorm for 28×28 inputs, with dropout before both Linear layers.</summary>
    VggSmall,
}
