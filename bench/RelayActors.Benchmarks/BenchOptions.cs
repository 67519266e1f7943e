namespace RelayActors.Benchmarks;

/// <summary>
/// Command line: <c>[all|tell|ring|alloc|virtual|realtime|variants|quadratics|relay|matmul|training|remote|race] [--quick]</c>. <c>variants</c> is the
/// investigation of the two targets the runtime misses (mailbox and virtual-scheduler copies with one change each);
/// <c>quadratics</c> and <c>relay</c> time the training loop and the relay arithmetic, <c>matmul</c> Gemm against OpenBLAS, <c>training</c> 16 decentralized workers against one model alone; <c>remote</c> the TCP transport against raw sockets;
/// <c>race</c> (not part of <c>all</c>) is the diagnostic of the mailbox race found while running the ring scenario.
/// </summary>
internal sealed record BenchOptions(string Scenario, bool Quick)
{
    private static readonly string[] Scenarios = ["all", "tell", "ring", "alloc", "virtual", "realtime", "variants", "quadratics", "relay", "matmul", "training", "remote", "cluster", "race"];

    /// <summary>Messages per 1→1 / ring run (the N of the brief).</summary>
    public int Messages => Quick ? 2_000_000 : 10_000_000;

    /// <summary>Items scheduled per virtual-time run (the M of the brief).</summary>
    public int ScheduledItems => Quick ? 200_000 : 1_000_000;

    /// <summary>Measured repetitions per row; the table shows their median, min and max.</summary>
    public int Repetitions { get; init; } = 7;

    /// <summary>Whether <paramref name="scenario"/> runs; <c>all</c> covers every measurement but not the race diagnostic.</summary>
    public bool Runs(string scenario) => Scenario == scenario || (Scenario == "all" && scenario != "race");

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var scenario = "all";
        var quick = false;
        foreach (var arg in args)
        {
            if (arg == "--quick")
                quick = true;
            else if (Array.IndexOf(Scenarios, arg) >= 0)
                scenario = arg;
            else
                throw new ArgumentException($"Unknown argument '{arg}'; expected one of {string.Join('|', Scenarios)} and optionally --quick");
        }
        return new BenchOptions(scenario, quick);
    }
}
