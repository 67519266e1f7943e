using RelayActors.Actors.Relay;

namespace RelayActors.Benchmarks;

/// <summary>
/// One timed piece of a relay round (<see cref="RelayArithmeticBenchmark"/>) with its traffic in 4 MB vectors:
/// <see cref="PassVectors"/> counts the reads and writes of each vector call <see cref="RelayState{T}"/> makes (Copy
/// reads 1 and writes 1, Add reads 2 and writes 1, Divide reads 1 and writes 1; keep in step with RelayState),
/// <see cref="MinimumVectors"/> each input read once and each output written once.
/// </summary>
internal sealed record RelayPart(string Name, int PassVectors, int MinimumVectors, Action<RelayState<float>, RelayLanes<float>, RoundData> Run)
{
    // Compose to one of 3 neighbours: Add(own, slot) + Add = 6 passes (Copy(own) + 2 Adds = 8 before the sum started
    // with an Add); reads own and 2 inbox slots, writes 1 = 4.
    private const int ComposePasses = 3 + 3;
    private const int ComposeMinimum = 4;

    // Accept: one copy into the inbox slot.
    private const int AcceptPasses = 2;

    // AverageWithFill with every worker counted (no fill term): 3 Adds + Divide = 11 (13 with the former Copy(own));
    // reads own and 3 slots, writes 1 = 5.
    private const int AveragePasses = (3 * 3) + 2;
    private const int AverageMinimum = 5;

    public static IReadOnlyList<RelayPart> All { get; } =
    [
        new("RelayState: ComposeOutgoing × 3", 3 * ComposePasses, 3 * ComposeMinimum, static (relay, _, data) => data.Compose(relay)),
        new("RelayState: Accept × 3", 3 * AcceptPasses, 3 * AcceptPasses, static (relay, _, data) => data.Accept(relay)),
        new("RelayState: AverageWithFill", AveragePasses, AverageMinimum, static (relay, _, data) => data.Average(relay)),
        new("RelayState: whole round", RoundPasses, RoundMinimum, static (relay, _, data) => data.Round(relay)),
        new("RelayLanes, one tree: whole round", RoundPasses, RoundMinimum, static (_, lanes, data) => data.Round(lanes)),
    ];

    private const int RoundPasses = (3 * ComposePasses) + (3 * AcceptPasses) + AveragePasses;
    private const int RoundMinimum = (3 * ComposeMinimum) + (3 * AcceptPasses) + AverageMinimum;
}
