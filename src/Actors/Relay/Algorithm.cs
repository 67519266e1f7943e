namespace RelayActors.Actors.Relay;

/// <summary>A decentralized optimization algorithm the worker actors can run (spec §1–§2).</summary>
public enum Algorithm
{
    /// <summary>RelaySGD ("relaysum-model"): relay the half-step models, fill missing workers (spec §1.2).</summary>
    RelaySgd,

    /// <summary>RelaySGD/Grad ("relaysum-grad"): relay the updates (spec §1.3).</summary>
    RelaySgdGrad,

    /// <summary>Exact averaging of the half-step models every step.</summary>
    AllReduce,

    /// <summary>D-SGD: gossip the half-step models with Metropolis–Hastings weights.</summary>
    Gossip,

    /// <summary>D² (Tang et al. 2018).</summary>
    D2,

    /// <summary>Gradient tracking: gossip the model and a tracker of the average update.</summary>
    GradientTracking,

    /// <summary>Quasi-global momentum (Lin et al. 2021): D-SGD whose momentum tracks the global displacement; SGD only.</summary>
    QuasiGlobalMomentum,

    /// <summary>SGP (Assran et al. 2019): two one-peer rounds per step on the time-varying exponential graph.</summary>
    Sgp,

    /// <summary>Choco-SGD (Koloskova et al. 2019): gossip compressed differences to public copies of the models.</summary>
    ChocoSgd,
}
