using RelayActors.Models.Networks;
using RelayActors.Models.Optim;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Actors.Training;

/// <summary>The names of the training enums in configuration and on the command line, each written once.</summary>
public static class TrainingNames
{
    public static EnumNames<ModelKind> Models { get; } = new(
        ("logistic-regression", ModelKind.LogisticRegression),
        ("mlp", ModelKind.Mlp),
        ("lenet", ModelKind.LeNet),
        ("vgg-small", ModelKind.VggSmall));

    public static EnumNames<SplitKind> Splits { get; } = new(
        ("dirichlet", SplitKind.Dirichlet),
        ("uniform", SplitKind.Uniform));

    public static EnumNames<DatasetKind> Datasets { get; } = new(
        ("synthetic", DatasetKind.Synthetic),
        ("fashion-mnist", DatasetKind.FashionMnist));

    public static EnumNames<OptimizerKind> Optimizers { get; } = new(
        ("sgd", OptimizerKind.Sgd),
        ("adam", OptimizerKind.Adam));
}
