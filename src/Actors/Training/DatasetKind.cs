namespace RelayActors.Actors.Training;

/// <summary>The data a training run uses.</summary>
public enum DatasetKind
{
    /// <summary>The built-in seeded synthetic classification set: needs no files.</summary>
    Synthetic,

    /// <summary>Fashion-MNIST from IDX files (Debian package dataset-fashion-mnist).</summary>
    FashionMnist,
}
