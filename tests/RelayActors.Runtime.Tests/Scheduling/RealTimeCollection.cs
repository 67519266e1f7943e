namespace RelayActors.Runtime.Tests.Scheduling;

/// <summary>Real-clock tests run one class at a time so they do not disturb each other's timing.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealTimeCollection
{
    public const string Name = "real-time";
}
