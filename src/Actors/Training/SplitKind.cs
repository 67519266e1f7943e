namespace RelayActors.Actors.Training;

/// <summary>How the training set is divided among workers.</summary>
public enum SplitKind
{
    /// <summary>Class proportions per worker drawn from Dirichlet(α) (spec §4.1): small α, few classes per worker.</summary>
    Dirichlet,

    /// <summary>A uniform random split (the reference's "random"; α = −1 in its notebooks).</summary>
    Uniform,
}
