using RelayActors.Actors.Baselines;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Training;
using RelayActors.Host.Commands;
using RelayActors.Models.Data;
using RelayActors.Models.Networks;
using RelayActors.Models.Optim;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Host.Configuration;

/// <summary>
/// Everything <c>relay train</c> runs, from the <c>relay-actors.training</c> section: the algorithms to compare on the
/// same data, split, initial model and budget, and where the results go. Budgets and intervals are in epochs (passes
/// over a worker's shard) and become steps once the shard size is known.
/// </summary>
internal sealed record TrainingExperimentSettings(
    string Name,
    string Output,
    IReadOnlyList<Algorithm> Algorithms,
    TopologyKind Topology,
    int Workers,
    SpanningTreeKind SpanningTree,
    int Root,
    RelayFill Fill,
    ChocoSettings Choco,
    ModelKind Model,
    DatasetKind Dataset,
    string DataDirectory,
    int SyntheticTrainSamples,
    int SyntheticTestSamples,
    SplitKind Split,
    double Alpha,
    int BatchSize,
    double Epochs,
    int LocalSteps,
    double EvaluateEvery,
    int EvaluationSamples,
    OptimizerSettings Optimizer,
    IReadOnlyDictionary<Algorithm, double> LearningRates,
    double WarmupEpochs,
    IReadOnlyList<double> DecayEpochs,
    double DecayFactor,
    AugmentationSettings Augmentation,
    int Seed,
    ClockKind Clock)
{
    public const string ConfigPath = "relay-actors.training";

    private static readonly SectionRules Rules = new(ConfigPath);

    /// <summary>The section as it stands in hocon/reference.conf (a test keeps the two equal).</summary>
    public const string Reference = """
        relay-actors {
          # relay train: decentralized training of a network on a heterogeneous split of a dataset, one worker actor
          # per worker; every algorithm listed runs on the same data, split, initial model, seed and step budget.
          training {
            name = default              # results go to <output>/<name>/<algorithm>/ (metrics.csv, summary.json, checkpoint.bin)
            output = runs
            algorithms = [relaysgd, all-reduce]   # relaysgd | relaysgd-grad | all-reduce | gossip | d2 | gradient-tracking | quasi-global-momentum | sgp | choco-sgd
            topology = binary-tree      # all-reduce talks to every worker, sgp along the exponential graph, whatever the topology
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
            model = lenet               # logistic-regression | mlp | lenet | vgg-small
            dataset = synthetic         # synthetic (built in, seeded, no files) | fashion-mnist
            data-directory = "/usr/share/datasets/fashion-mnist"   # IDX files, gzip or plain (Debian: dataset-fashion-mnist)
            synthetic-train-samples = 12000
            synthetic-test-samples = 2000
            split = dirichlet           # dirichlet (spec §4.1) | uniform
            alpha = 0.1                 # Dirichlet α: 1 mild, 0.1 strong, 0.01 extreme heterogeneity
            batch-size = 32             # per worker and step
            epochs = 8                  # passes over a worker's shard
        local-steps = 1             # H: gradient steps between communications; budgets and evaluations round up to whole rounds of H
            evaluate-every = 1          # epochs between evaluations (each also writes a checkpoint)
            evaluation-samples = 0      # test samples per evaluation (the first ones); 0 = the whole test set
            optimizer {
              kind = sgd                # sgd | adam
              learning-rate = 0.1       # base rate η, scaled by the schedule
              momentum = 0.9
              nesterov = true
              weight-decay = 1e-4       # L2, added to the gradient (spec §5.1)
              beta1 = 0.9               # adam only
              beta2 = 0.999             # adam only
              epsilon = 1e-8            # adam only
            }
            learning-rates {            # per-algorithm base rate over optimizer.learning-rate (null: that one): the best rate
              relaysgd = null           # differs; all-reduce (mini-batch SGD on n × the batch) diverges at 0.3 and trails
              relaysgd-grad = null      # at 0.1 on the default experiment, 0.03 is its best (docs/RESULTS.md)
              all-reduce = 0.03
              gossip = null
              d2 = null
              gradient-tracking = null
              quasi-global-momentum = null
              sgp = null
              choco-sgd = null
            }
            warmup-epochs = 1           # linear warm-up from 0
            decay-epochs = []           # epochs at which the rate is multiplied by decay-factor, e.g. [150, 180]
            decay-factor = 0.1
            augmentation {
              crop-padding = 0          # random crop with this much zero padding; 0 = off
              flip = false              # random horizontal flip
            }
            seed = 0
            clock = real                # real: workers compute in parallel | virtual: one at a time, deterministic
          }
        }
        """;

    private static readonly Lazy<Config> ReferenceConfig = new(() => Config.Parse(Reference, "TrainingExperimentSettings.Reference"));

    /// <summary>Reads the section of <paramref name="config"/> over the reference defaults; errors name the key, value and origin.</summary>
    public static TrainingExperimentSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig.Value);
        merged.GetConfig(ConfigPath).RejectUnknownKeys(ReferenceConfig.Value.GetConfig(ConfigPath));
        var c = merged.GetConfig(ConfigPath);
        var o = c.GetConfig("optimizer");
        var optimizer = new OptimizerSettings(
            Rules.Parse(c, "optimizer.kind", TrainingNames.Optimizers),
            o.GetDouble("learning-rate", 0.1, 0, double.MaxValue),
            o.GetDouble("momentum", 0.9, 0, 0.999999),
            o.GetBoolean("nesterov", true),
            o.GetDouble("weight-decay", 1e-4, 0, double.MaxValue),
            o.GetDouble("beta1", 0.9, 0, 0.999999),
            o.GetDouble("beta2", 0.999, 0, 0.999999),
            o.GetDouble("epsilon", 1e-8, double.Epsilon, double.MaxValue));
        if (optimizer is { Kind: OptimizerKind.Sgd, Nesterov: true, Momentum: 0 })
            throw Rules.Invalid("optimizer.nesterov", true, "needs optimizer.momentum above 0");
        var rates = new Dictionary<Algorithm, double>();
        foreach (var name in AlgorithmNames.All)
            if (c.HasPath($"learning-rates.{name}") && AlgorithmNames.TryParse(name, out var rated))
                rates[rated] = c.GetDouble($"learning-rates.{name}", 0.1, 0, double.MaxValue);
        var decay = c.GetDoubleList("decay-epochs");
        for (var i = 0; i < decay.Count; i++)
            if (decay[i] < 0 || (i > 0 && decay[i] <= decay[i - 1]))
                throw Rules.Invalid("decay-epochs", $"[{string.Join(", ", decay)}]", "must be non-negative and strictly increasing");
        return new TrainingExperimentSettings(
            Rules.FolderName(c, "name"),
            Rules.NonEmpty(c, "output"),
            ReadAlgorithms(c),
            Rules.Parse<TopologyKind>(c, "topology", TopologyKindNames.TryParse, TopologyKindNames.All),
            c.GetInt("workers", 16, 1, 1 << 16),
            Rules.Parse<SpanningTreeKind>(c, "spanning-tree", SpanningTreeKindNames.TryParse, SpanningTreeKindNames.All),
            c.GetInt("root", 0, 0, int.MaxValue),
            Rules.Parse<RelayFill>(c, "fill", RelayFillNames.TryParse, RelayFillNames.All),
            Rules.Choco(c),
            Rules.Parse(c, "model", TrainingNames.Models),
            Rules.Parse(c, "dataset", TrainingNames.Datasets),
            Rules.NonEmpty(c, "data-directory"),
            c.GetInt("synthetic-train-samples", 12000, 1, int.MaxValue),
            c.GetInt("synthetic-test-samples", 2000, 1, int.MaxValue),
            Rules.Parse(c, "split", TrainingNames.Splits),
            c.GetDouble("alpha", 0.1, double.Epsilon, double.MaxValue),
            c.GetInt("batch-size", 32, 1, 1 << 20),
            c.GetDouble("epochs", 8, double.Epsilon, 1e6),
            c.GetInt("local-steps", 1, 1, 1 << 20),
            c.GetDouble("evaluate-every", 1, double.Epsilon, 1e6),
            c.GetInt("evaluation-samples", 0, 0, int.MaxValue),
            optimizer,
            rates,
            c.GetDouble("warmup-epochs", 1, 0, 1e6),
            decay,
            c.GetDouble("decay-factor", 0.1, double.Epsilon, double.MaxValue),
            new AugmentationSettings(c.GetInt("augmentation.crop-padding", 0, 0, 64), c.GetBoolean("augmentation.flip", false)),
            c.GetInt("seed", 0),
            Rules.Parse<ClockKind>(c, "clock", ClockKindNames.TryParse, ClockKindNames.All));
    }

    /// <summary>
    /// A canonical text of everything that determines <paramref name="algorithm"/>'s numbers (the training and network
    /// sections over their defaults, without the run name, output folder, algorithm list, clock, the other
    /// algorithms' learning rates and, but for choco-sgd, the choco block): a checkpoint resumes only under the same description.
    /// </summary>
    public static string Describe(Config config, Algorithm algorithm)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig.Value);
        var rate = FromConfig(config).LearningRateOf(algorithm);
        foreach (var key in new[] { "name", "output", "algorithms", "clock", "learning-rates" })
            merged = merged.WithValue($"{ConfigPath}.{key}", "\"-\"");
        if (algorithm != Algorithm.ChocoSgd)
            merged = merged.WithValue($"{ConfigPath}.choco", "\"-\"");
        merged = merged.WithValue($"{ConfigPath}.optimizer.learning-rate", rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        var network = merged.HasPath(Actors.Network.NetworkSettings.ConfigPath) ? merged.GetConfig(Actors.Network.NetworkSettings.ConfigPath).RenderCanonical() : "{}";
        return $"algorithm = {AlgorithmNames.Format(algorithm)}; training = {merged.GetConfig(ConfigPath).RenderCanonical()}; network = {network}".ReplaceLineEndings(" ");
    }

    /// <summary>The base learning rate of <paramref name="algorithm"/>: its entry in <c>learning-rates</c>, else <c>optimizer.learning-rate</c>.</summary>
    public double LearningRateOf(Algorithm algorithm) => LearningRates.TryGetValue(algorithm, out var rate) ? rate : Optimizer.LearningRate;

    /// <summary>
    /// The run settings of <paramref name="algorithm"/> once the steps per epoch are known. The budget and the
    /// evaluation interval are gradient steps, rounded up to whole rounds of <see cref="LocalSteps"/>.
    /// </summary>
    public TrainingSettings ToRunSettings(Algorithm algorithm, int stepsPerEpoch) => new()
    {
        Algorithm = algorithm,
        Fill = Fill,
        Choco = Choco,
        Model = Model,
        BatchSize = BatchSize,
        Steps = WholeRounds(Math.Max(1, (long)Math.Round(Epochs * stepsPerEpoch))),
        EvaluateEvery = WholeRounds(Math.Max(1, (long)Math.Round(EvaluateEvery * stepsPerEpoch))),
        LocalSteps = LocalSteps,
        Optimizer = Optimizer with { LearningRate = LearningRateOf(algorithm) },
        WarmupEpochs = WarmupEpochs,
        DecayEpochs = DecayEpochs,
        DecayFactor = DecayFactor,
        Split = Split,
        Alpha = Alpha,
        Augmentation = Augmentation,
        EvaluationSamples = EvaluationSamples,
        Seed = Seed,
    };

    private long WholeRounds(long steps) => (steps + LocalSteps - 1) / LocalSteps * LocalSteps;

    private static List<Algorithm> ReadAlgorithms(Config c)
    {
        // One name (as --algorithm gives it) or a list.
        IReadOnlyList<string> names;
        try
        {
            names = c.GetStringList("algorithms");
        }
        catch (ConfigurationException)
        {
            names = [c.GetString("algorithms")];
        }
        if (names.Count == 0)
            throw Rules.Invalid("algorithms", "[]", "must name at least one algorithm");
        var result = new List<Algorithm>();
        foreach (var name in names)
        {
            if (!AlgorithmNames.TryParse(name, out var algorithm))
                throw Rules.Invalid("algorithms", name, $"must be one of {string.Join(", ", AlgorithmNames.All)}");
            if (result.Contains(algorithm))
                throw Rules.Invalid("algorithms", name, "is listed twice");
            result.Add(algorithm);
        }
        return result;
    }
}
