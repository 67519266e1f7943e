namespace RelayActors.Actors.Workers;

/// <summary>Starting values of a consensus run (<see cref="ConsensusInputs"/>); names in <see cref="InitialValuesNames"/>.</summary>
public enum InitialValues
{
    /// <summary>v_i = i (mean (n − 1)/2).</summary>
    Index,

    /// <summary>v_0 = n, all others 0 (mean 1): shows how far worker 0's value has travelled.</summary>
    OneHot,

    /// <summary>Standard normal values from a seeded generator.</summary>
    Random,
}
