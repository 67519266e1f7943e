using RelayActors.Actors.Baselines;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Host.Commands;
using RelayActors.Models.Tasks;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Configuration;

/// <summary>
/// Everything <c>relay quadratics</c> runs, from the <c>relay-actors.quadratics</c> section (spec §4.2 problem, the
/// algorithm and its learning rate). <see cref="Mu"/> null scales each A_i by its largest singular value instead.
/// </summary>
internal sealed record QuadraticsExperimentSettings(
    Algorithm Algorithm,
    TopologyKind Topology,
    int Workers,
    SpanningTreeKind SpanningTree,
    int Root,
    RelayFill Fill,
    ChocoSettings Choco,
    int Dimension,
    double Zeta2,
    double? Mu,
    double Smoothness,
    double R0,
    double Noise,
    double LearningRate,
    long Steps,
    int LocalSteps,
    double Target,
    bool Tune,
    int Seed,
    ClockKind Clock)
{
    public const string ConfigPath = "relay-actors.quadratics";

    private static readonly SectionRules Rules = new(ConfigPath);

    /// <summary>The section as it stands in hocon/reference.conf (a test keeps the two equal).</summary>
    public const string Reference = """
        relay-actors {
          # relay quadratics: the random quadratics of the RelaySGD paper (spec §4.2), f(x) = (1/n) Σ_i ||A_i x − b_i||²,
          # run through the worker actors; reports f(x̄) − f* per step and the steps to reach the target.
          quadratics {
            algorithm = relaysgd        # relaysgd | relaysgd-grad | all-reduce | gossip | d2 | gradient-tracking | quasi-global-momentum | sgp | choco-sgd
            topology = chain            # all-reduce talks to every worker, sgp along the exponential graph, whatever the topology
            workers = 16
            spanning-tree = none        # none | bfs | min-diameter: relay over a spanning tree of a graph with cycles
            root = 0                    # root of spanning-tree = bfs
            fill = initial-model        # relaysgd's fill for workers not heard from: initial-model | own-previous | zero
            choco {                     # choco-sgd's message compression and mixing (Koloskova et al. 2019; docs/ALGORITHMS.md)
              compressor = top-k        # identity | top-k | random-k | sign | qsgd
              fraction = 0.1            # top-k, random-k: keep k = round(fraction · d) coordinates, at least 1; in (0, 1]
              levels = 16               # qsgd: s levels of |x_i| / ||x||₂, 1..65536
              consensus-step = 0.2      # γ in (0, 1]: smaller for coarser compressors; identity with 1 is gossip (D-SGD)
            }
            dimension = 10              # d
            zeta2 = 1                   # heterogeneity ζ² = (1/n) Σ_i ||∇f_i(x*)||²
            mu = 0.5                    # singular values of A_i are linspace(mu, smoothness, d); null: divide by the largest
            smoothness = 1              # L
            r0 = 100                    # ||x*||; workers start at 0
            noise = 0                   # σ of the gradient noise
            learning-rate = 0.5         # constant SGD step size
            steps = 1000                # at most this many steps
        local-steps = 1             # H: gradient steps between communications; steps count gradient steps, rounded up to whole rounds of H
            target = 1e-6               # stop once f(x̄) − f* ≤ target
            tune = false                # search the learning rate on a grid and report the best
            seed = 0
            clock = virtual             # virtual (deterministic, as fast as the CPU allows) | real
          }
        }
        """;

    private static readonly Lazy<Config> ReferenceConfig = new(() => Config.Parse(Reference, "QuadraticsExperimentSettings.Reference"));

    /// <summary>Reads the section of <paramref name="config"/> over the reference defaults; errors name the key, value and origin.</summary>
    public static QuadraticsExperimentSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig.Value);
        merged.GetConfig(ConfigPath).RejectUnknownKeys(ReferenceConfig.Value.GetConfig(ConfigPath));
        var c = merged.GetConfig(ConfigPath);
        return new QuadraticsExperimentSettings(
            Rules.Parse<Algorithm>(c, "algorithm", AlgorithmNames.TryParse, AlgorithmNames.All),
            Rules.Parse<TopologyKind>(c, "topology", TopologyKindNames.TryParse, TopologyKindNames.All),
            c.GetInt("workers", 16, 1, 1 << 20),
            Rules.Parse<SpanningTreeKind>(c, "spanning-tree", SpanningTreeKindNames.TryParse, SpanningTreeKindNames.All),
            c.GetInt("root", 0, 0, int.MaxValue),
            Rules.Parse<RelayFill>(c, "fill", RelayFillNames.TryParse, RelayFillNames.All),
            Rules.Choco(c),
            c.GetInt("dimension", 10, 1, 1 << 16),
            c.GetDouble("zeta2", 1, 0, double.MaxValue),
            c.HasPath("mu") ? c.GetDouble("mu", 0.5, double.Epsilon, double.MaxValue) : null,
            c.GetDouble("smoothness", 1, double.Epsilon, double.MaxValue),
            c.GetDouble("r0", 100, 0, double.MaxValue),
            c.GetDouble("noise", 0, 0, double.MaxValue),
            c.GetDouble("learning-rate", 0.5, double.Epsilon, double.MaxValue),
            Positive(c.GetLong("steps", 1000), "steps"),
            c.GetInt("local-steps", 1, 1, 1 << 20),
            c.GetDouble("target", 1e-6, double.Epsilon, double.MaxValue),
            c.GetBoolean("tune", false),
            c.GetInt("seed", 0),
            Rules.Parse<ClockKind>(c, "clock", ClockKindNames.TryParse, ClockKindNames.All));
    }

    /// <summary>The problem of spec §4.2 these settings describe.</summary>
    public QuadraticsSettings ToProblemSettings() => new(Workers, Dimension, Zeta2, Mu, Smoothness, R0, Noise, Seed);

    private static long Positive(long value, string key) => value > 0 ? value : throw Rules.Invalid(key, value, "must be at least 1");
}
