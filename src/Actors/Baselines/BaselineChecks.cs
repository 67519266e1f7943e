using System.Numerics;
using RelayActors.Actors.Relay;

namespace RelayActors.Actors.Baselines;

/// <summary>Argument checks the baseline nodes share.</summary>
internal static class BaselineChecks
{
    public static void RequireLengths<T>(int worker, int dimension, LocalStep<T> local, ReadOnlySpan<T> initial)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (initial.Length != dimension || local.Dimension != dimension)
            throw new ArgumentException($"Worker {worker}: initial model ({initial.Length}) and objective ({local.Dimension}) must have length {dimension}");
    }
}
