namespace RelayActors.Benchmarks;

/// <summary>A scheduled message that carries the time it is due, so the receiver can measure its lateness.</summary>
internal sealed record DueTell(int Index, TimeSpan Due);
