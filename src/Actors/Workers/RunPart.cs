namespace RelayActors.Actors.Workers;

/// <summary>
/// The workers of a run that one actor system hosts, spawned and waiting for <see cref="Begin"/>. <see cref="Completion"/>
/// completes when the recorder has every report it expects from them.
/// </summary>
public sealed class RunPart<TResult>
{
    private readonly IReadOnlyList<Runtime.Kernel.IActorRef<IWorkerMessage>> _workers;
    private readonly StartWorker _start;
    private readonly Runtime.Kernel.IActorRef _monitor;
    private int _begun;

    internal RunPart(IReadOnlyList<Runtime.Kernel.IActorRef<IWorkerMessage>> workers, Runtime.Kernel.IActorRef monitor, StartWorker start, Task<TResult> completion)
    {
        _workers = workers;
        _monitor = monitor;
        _start = start;
        Completion = completion;
    }

    /// <summary>The refs of the spawned (local) workers.</summary>
    public IReadOnlyList<Runtime.Kernel.IActorRef<IWorkerMessage>> Workers => _workers;

    public Task<TResult> Completion { get; }

    /// <summary>Starts the local workers' first step; only once, and only after every system of the run has spawned its part.</summary>
    public void Begin()
    {
        if (Interlocked.Exchange(ref _begun, 1) != 0)
            throw new InvalidOperationException("This part of the run has already begun");
        foreach (var worker in _workers)
            worker.Tell(_start);
    }

    /// <summary>Stops the local workers and their monitor (after the run, or to abort it).</summary>
    public void Stop(Runtime.Kernel.ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        foreach (var worker in _workers)
            system.Stop(worker);
        system.Stop(_monitor);
    }
}
