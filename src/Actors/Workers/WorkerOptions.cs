namespace RelayActors.Actors.Workers;

/// <summary>How a worker actor runs its steps.</summary>
public sealed record WorkerOptions
{
    /// <summary>The step after which the run ends (exclusive): workers run steps <see cref="FirstStep"/> … Steps − 1; above <see cref="FirstStep"/>.</summary>
    public required long Steps
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, "A run needs at least one step");
    }

    /// <summary>
    /// The first step the workers run: 0 for a fresh run, the checkpoint's step when nodes were restored from one.
    /// Must be below <see cref="Steps"/> (checked when the run starts).
    /// </summary>
    public long FirstStep
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(FirstStep), value, "The first step cannot be negative");
    }

    /// <summary>Whether reports carry a copy of the model; runs that read the nodes after the fact turn it off, saving a copy per report.</summary>
    public bool IncludeModel { get; init; } = true;

    /// <summary>Report the model to the monitor every this many steps (and after the last); 1 = every step.</summary>
    public int ReportEvery
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(ReportEvery), value, "Reports must come at least every step count > 0");
    } = 1;

    /// <summary>Early messages a worker keeps (from peers rounds ahead) before it ignores more; bounds memory when a peer races ahead after timeouts.</summary>
    public int MaxEarlyMessages
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxEarlyMessages), value, "At least one early message must fit");
    } = 4096;
}
