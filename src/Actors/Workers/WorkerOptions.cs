namespace RelayActors.Actors.Workers;

/// <summary>How a worker actor runs its steps.</summary>
public sealed record WorkerOptions
{
    /// <summary>Steps to run; at least 1.</summary>
    public required long Steps
    {
        get;
        init => field = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(Steps), value, "A run needs at least one step");
    }

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
