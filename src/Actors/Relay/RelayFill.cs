namespace RelayActors.Actors.Relay;

/// <summary>
/// What RelaySGD's world-size normalisation puts in place of the n − C_i workers a worker has not heard from (during
/// warm-up, and after dropped messages): (S_i + (n − C_i)·r) / n (spec §1.1).
/// </summary>
public enum RelayFill
{
    /// <summary>r = x⁰, the common initial model (the reference code's default).</summary>
    InitialModel,

    /// <summary>r = the worker's own previous averaged model (the reference's <c>update_ref_state</c>, used on unreliable networks).</summary>
    OwnPrevious,

    /// <summary>r = 0.</summary>
    Zero,
}
