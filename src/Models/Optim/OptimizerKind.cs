namespace RelayActors.Models.Optim;

/// <summary>Which base optimizer a worker runs.</summary>
public enum OptimizerKind
{
    /// <summary>SGD with optional (Nesterov) momentum: <see cref="SgdOptimizer{T}"/>.</summary>
    Sgd,

    /// <summary>Adam with bias correction: <see cref="AdamOptimizer{T}"/>.</summary>
    Adam,
}
