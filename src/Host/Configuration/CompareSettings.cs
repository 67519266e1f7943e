using System.Globalization;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>
/// A grid of experiments from the <c>relay-actors.compare</c> section: the rows (algorithm and topology), the axes
/// (α, seeds, drop probabilities, worker counts) and where the report goes. Every cell starts from the ordinary
/// <c>relay-actors.training</c> or <c>relay-actors.quadratics</c> section and <c>relay-actors.network</c> of the same
/// configuration; an axis left null keeps the base section's value.
/// </summary>
internal sealed record CompareSettings(
    string Name,
    string Output,
    CompareKind Kind,
    IReadOnlyList<CompareEntry> Entries,
    IReadOnlyList<double>? Alphas,
    IReadOnlyList<int>? Seeds,
    IReadOnlyList<double>? DropProbabilities,
    IReadOnlyList<int>? Workers,
    int? Parallel)
{
    public const string ConfigPath = "relay-actors.compare";

    private static readonly SectionRules Rules = new(ConfigPath);

    private static readonly string[] EntryKeys = ["algorithm", "topology", "learning-rate"];

    /// <summary>The section as it stands in hocon/reference.conf (a test keeps the two equal).</summary>
    public const string Reference = """
        relay-actors {
          # relay compare: a grid of training or quadratics runs and a paper-style report (docs/COMPARE.md). Every cell
          # starts from the training (or quadratics) and network sections of the same file; the axes below override them.
          compare {
            name = default              # results go to <output>/<name>/: cells/<cell-id>/, table.md, table.csv, plots/, index.html
            output = runs
            kind = training             # training (relay train cells) | quadratics (steps to the target)
            algorithms = [              # the table's rows: algorithm, optional topology (default: the base section's) and
              { algorithm = relaysgd, topology = binary-tree }   # optional learning-rate (default: the base section's;
              { algorithm = all-reduce }                         # quadratics with tune = true tunes it per cell)
            ]
            alphas = null               # training: Dirichlet α per column, e.g. [1, 0.1, 0.01]; null: training.alpha
            seeds = null                # seeds per cell (same seed: same data, split and initial model); null: the base seed
            drop-probabilities = null   # relay-actors.network.drop-probability per column, e.g. [0, 0.01, 0.1]; null: the network's
            workers = null              # quadratics: n per column (scalability), e.g. [6, 12, 24]; null: quadratics.workers
            parallel = null             # cells at once; null: 1 for training (a run uses every core), the core count for quadratics
          }
        }
        """;

    private static readonly Lazy<Config> ReferenceConfig = new(() => Config.Parse(Reference, "CompareSettings.Reference"));

    /// <summary>Reads the section over the reference defaults; errors name the full key path and the value.</summary>
    public static CompareSettings FromConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var merged = config.WithFallback(ReferenceConfig.Value);
        merged.GetConfig(ConfigPath).RejectUnknownKeys(ReferenceConfig.Value.GetConfig(ConfigPath));
        var c = merged.GetConfig(ConfigPath);
        var kind = Rules.Parse(c, "kind", CompareKindNames.Names);
        var alphas = Axis(c, "alphas", v => v > 0 && double.IsFinite(v), "must be above 0");
        var workers = Axis(c, "workers", v => v >= 1 && v <= 1 << 20 && v == Math.Floor(v), "must be a whole number of workers, at least 1");
        if (kind == CompareKind.Quadratics && alphas is not null)
            throw Rules.Invalid("alphas", Render(alphas), "applies to kind = training only (quadratics have no data split)");
        if (kind == CompareKind.Training && workers is not null)
            throw Rules.Invalid("workers", Render(workers), "applies to kind = quadratics only; set relay-actors.training.workers");
        return new CompareSettings(
            Rules.FolderName(c, "name"),
            Rules.NonEmpty(c, "output"),
            kind,
            ReadEntries(c, kind == CompareKind.Training ? TrainingExperimentSettings.FromConfig(config).Topology : QuadraticsExperimentSettings.FromConfig(config).Topology),
            alphas,
            Axis(c, "seeds", v => v == Math.Floor(v) && v >= int.MinValue && v <= int.MaxValue, "must be a whole number")?.Select(v => (int)v).ToList(),
            Axis(c, "drop-probabilities", v => v >= 0 && v < 1, "must be in [0, 1)"),
            workers?.Select(v => (int)v).ToList(),
            c.HasPath("parallel") ? c.GetInt("parallel", 1, 1, 4096) : null);
    }

    /// <summary>How many cells run at once: as set, else 1 for training and the core count for quadratics.</summary>
    public int EffectiveParallel => Parallel ?? (Kind == CompareKind.Training ? 1 : Environment.ProcessorCount);

    private static List<CompareEntry> ReadEntries(Config c, TopologyKind baseTopology)
    {
        var items = c.GetConfigList("algorithms");
        if (items.Count == 0)
            throw Rules.Invalid("algorithms", "[]", "must list at least one { algorithm = …, topology = … }");
        var entries = new List<CompareEntry>();
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var key = $"algorithms[{i}]";
            foreach (var unknown in item.Keys)
                if (!EntryKeys.Contains(unknown))
                    throw Rules.Invalid($"{key}.{unknown}", "…", $"is not a key of a comparison row; use {string.Join(", ", EntryKeys)}");
            var algorithm = Named<Algorithm>(item, key, "algorithm", AlgorithmNames.TryParse, AlgorithmNames.All);
            var topology = item.HasPath("topology") ? Named<TopologyKind>(item, key, "topology", TopologyKindNames.TryParse, TopologyKindNames.All) : baseTopology;
            double? rate = item.HasPath("learning-rate") ? item.GetDouble("learning-rate", 0.1, double.Epsilon, double.MaxValue) : null;
            var entry = new CompareEntry(algorithm, topology, rate);
            if (entries.Find(e => e.Label == entry.Label) is not null)
                throw Rules.Invalid(key, entry.Label, "is listed twice (a row is an algorithm on a topology)");
            entries.Add(entry);
        }
        return entries;
    }

    private static T Named<T>(Config item, string itemKey, string key, Commands.TextParser<T> parse, IReadOnlyList<string> names)
    {
        if (!item.HasPath(key))
            throw Rules.Invalid($"{itemKey}.{key}", "(missing)", $"must be one of {string.Join(", ", names)}");
        var text = item.GetString(key);
        return parse(text, out var value) ? value : throw Rules.Invalid($"{itemKey}.{key}", text, $"must be one of {string.Join(", ", names)}");
    }

    private static List<double>? Axis(Config c, string key, Func<double, bool> valid, string rule)
    {
        if (!c.HasPath(key))
            return null;
        var values = c.GetDoubleList(key);
        if (values.Count == 0)
            throw Rules.Invalid(key, "[]", "must hold at least one value (or be null for the base section's)");
        for (var i = 0; i < values.Count; i++)
        {
            if (!valid(values[i]))
                throw Rules.Invalid($"{key}[{i}]", values[i].ToString("R", CultureInfo.InvariantCulture), rule);
            if (values.Take(i).Contains(values[i]))
                throw Rules.Invalid($"{key}[{i}]", values[i].ToString("R", CultureInfo.InvariantCulture), "is listed twice");
        }
        return [.. values];
    }

    private static string Render(IEnumerable<double> values) => $"[{string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]";
}
