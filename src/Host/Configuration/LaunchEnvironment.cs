using System.Globalization;
using RelayActors.Runtime.Configuration;

namespace RelayActors.Host.Configuration;

/// <summary>
/// What a job launcher told this process through its environment: rank, world size, local rank, the seed host and the
/// cluster secret. Read from a dictionary, never from the process environment directly, so tests can hand-write one.
/// </summary>
/// <remarks>
/// Open MPI wins over Slurm for the ranks when both are present (<c>mpirun</c> inside an allocation: there
/// <c>SLURM_PROCID</c> numbers Open MPI's daemons, one per machine, not the processes). Open MPI exports no host list,
/// so under <c>mpirun</c> the seed host comes from <c>RELAY_SEED_HOST</c> (or <c>--seed-nodes</c>), unless a Slurm
/// node list is present too. <c>RELAY_SEED_HOST</c> beats the Slurm node list.
/// </remarks>
internal sealed record LaunchEnvironment
{
    public const string SecretVariable = "RELAY_CLUSTER_SECRET";
    public const string SeedHostVariable = "RELAY_SEED_HOST";
    public const string SlurmRank = "SLURM_PROCID";
    public const string SlurmTasks = "SLURM_NTASKS";
    public const string SlurmLocalId = "SLURM_LOCALID";
    public const string SlurmStepNodes = "SLURM_STEP_NODELIST";
    public const string SlurmJobNodes = "SLURM_JOB_NODELIST";
    public const string SlurmNodeName = "SLURMD_NODENAME";
    public const string MpiRank = "OMPI_COMM_WORLD_RANK";
    public const string MpiSize = "OMPI_COMM_WORLD_SIZE";
    public const string MpiLocalRank = "OMPI_COMM_WORLD_LOCAL_RANK";

    public static LaunchEnvironment Empty { get; } = new();

    public LauncherKind Launcher { get; init; }

    public int? Rank { get; init; }

    public int? WorldSize { get; init; }

    public int? LocalRank { get; init; }

    /// <summary>The seed host (or "host:port" when <c>RELAY_SEED_HOST</c> carries a port), with <see cref="SeedSource"/> naming the variable it came from.</summary>
    public string? SeedHost { get; init; }

    public string? SeedSource { get; init; }

    /// <summary>This machine's name as Slurm knows it (<c>SLURMD_NODENAME</c>), the same spelling as in the node list.</summary>
    public string? NodeName { get; init; }

    /// <summary>The raw value of <c>RELAY_CLUSTER_SECRET</c>; kept out of <see cref="ToString"/>.</summary>
    public string? SecretText { get; init; }

    /// <summary>Reads the launcher variables from <paramref name="environment"/>.</summary>
    /// <exception cref="ConfigurationException">A variable holds a value that is not a valid number or host list; the message names the variable and the value.</exception>
    public static LaunchEnvironment Read(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var mpi = environment.ContainsKey(MpiRank);
        var slurm = environment.ContainsKey(SlurmRank);
        var (rank, size, local) = mpi ? (MpiRank, MpiSize, MpiLocalRank) : (SlurmRank, SlurmTasks, SlurmLocalId);
        var (seedHost, seedSource) = SeedOf(environment);
        return new LaunchEnvironment
        {
            Launcher = mpi ? LauncherKind.OpenMpi : slurm ? LauncherKind.Slurm : LauncherKind.None,
            Rank = mpi || slurm ? Integer(environment, rank, 0) : null,
            WorldSize = mpi || slurm ? Integer(environment, size, 1) : null,
            LocalRank = mpi || slurm ? Integer(environment, local, 0) : null,
            SeedHost = seedHost,
            SeedSource = seedSource,
            NodeName = Text(environment, SlurmNodeName),
            SecretText = environment.GetValueOrDefault(SecretVariable),
        };
    }

    public override string ToString() =>
        $"{Launcher} rank {Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"} of {WorldSize?.ToString(CultureInfo.InvariantCulture) ?? "-"}, seed {SeedHost ?? "-"}";

    private static (string? Host, string? Source) SeedOf(IReadOnlyDictionary<string, string> environment)
    {
        if (Text(environment, SeedHostVariable) is { } explicitHost)
            return (explicitHost, SeedHostVariable);
        foreach (var variable in (ReadOnlySpan<string>)[SlurmStepNodes, SlurmJobNodes])
        {
            if (Text(environment, variable) is not { } list)
                continue;
            try
            {
                return (SlurmHostList.First(list), variable);
            }
            catch (FormatException ex)
            {
                throw new ConfigurationException($"{variable}={list} is not a Slurm host list: {ex.Message}", variable, null, ex);
            }
        }
        return (null, null);
    }

    private static string? Text(IReadOnlyDictionary<string, string> environment, string variable) =>
        environment.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    private static int? Integer(IReadOnlyDictionary<string, string> environment, string variable, int minimum)
    {
        if (!environment.TryGetValue(variable, out var text))
            return null;
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ConfigurationException($"{variable}={text} must be an integer of at least {minimum}", variable, null);
    }
}
