using System.Text;
using RelayActors.Host.Configuration;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Tests.Support;

namespace RelayActors.Host.Tests.Configuration;

public sealed class NodeLaunchSettingsTests : IDisposable
{
    private const string Machine = "workstation";
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly string _folder = Directory.CreateTempSubdirectory("relay-node-settings-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Resolve_NothingGiven_ListensOnLocalhostDefaultPortAsItsOwnCluster()
    {
        var s = Resolve(NodeLaunchFlags.None, Config.Empty, NoEnvironment);

        Assert.Equal(("127.0.0.1", 25520, 25520, 1, Machine), (s.Hostname, s.BasePort, s.Port, s.Capacity, s.HostLabel));
        Assert.Empty(s.SeedNodes);
        Assert.Null(s.Secret);
        Assert.Equal((LauncherKind.None, (int?)null, (int?)null, 0), (s.Launcher, s.Rank, s.WorldSize, s.LocalRank));
    }

    [Fact]
    public void Resolve_Slurm_SeedIsFirstHostOfStepListAtBasePort_PortOffsetByLocalId()
    {
        var env = new Dictionary<string, string>
        {
            ["SLURM_PROCID"] = "5",
            ["SLURM_NTASKS"] = "8",
            ["SLURM_LOCALID"] = "1",
            ["SLURM_JOB_NODELIST"] = "login1,gpu[01-04]",
            ["SLURM_STEP_NODELIST"] = "gpu[03-04,07]",
            ["SLURMD_NODENAME"] = "gpu04",
        };

        var s = Resolve(NodeLaunchFlags.None, Config.Empty, env);

        Assert.Equal(LauncherKind.Slurm, s.Launcher);
        Assert.Equal((5, 8, 1), (s.Rank, s.WorldSize, s.LocalRank));
        Assert.Equal(["gpu03:25520"], s.SeedNodes);
        Assert.Equal(("gpu04", 25521, "gpu04"), (s.Hostname, s.Port, s.HostLabel));
    }

    [Fact]
    public void Resolve_SlurmWithoutStepList_UsesJobList()
    {
        var env = new Dictionary<string, string> { ["SLURM_PROCID"] = "0", ["SLURM_NTASKS"] = "2", ["SLURM_JOB_NODELIST"] = "cn[10-11]" };

        var s = Resolve(NodeLaunchFlags.None, Config.Empty, env);

        Assert.Equal(["cn10:25520"], s.SeedNodes);
        Assert.Equal(Machine, s.Hostname);   // no SLURMD_NODENAME: the machine name, not localhost
    }

    [Fact]
    public void Resolve_OpenMpi_RanksFromOmpiSeedFromRelaySeedHost()
    {
        var env = new Dictionary<string, string>
        {
            ["OMPI_COMM_WORLD_RANK"] = "3",
            ["OMPI_COMM_WORLD_SIZE"] = "4",
            ["OMPI_COMM_WORLD_LOCAL_RANK"] = "2",
            ["RELAY_SEED_HOST"] = "head.cluster",
        };

        var s = Resolve(NodeLaunchFlags.None, Parse("relay-actors.remote.port = 30000"), env);

        Assert.Equal(LauncherKind.OpenMpi, s.Launcher);
        Assert.Equal((3, 4, 2, 30002), (s.Rank, s.WorldSize, s.LocalRank, s.Port));
        Assert.Equal(["head.cluster:30000"], s.SeedNodes);
    }

    [Fact]
    public void Resolve_OpenMpiWithoutSeedHost_FallsBackToHoconSeeds()
    {
        var env = new Dictionary<string, string> { ["OMPI_COMM_WORLD_RANK"] = "0", ["OMPI_COMM_WORLD_SIZE"] = "2" };

        var s = Resolve(NodeLaunchFlags.None, Parse("relay-actors.cluster.seed-nodes = [\"10.0.0.1:25520\"]"), env);

        Assert.Equal(["10.0.0.1:25520"], s.SeedNodes);
    }

    [Fact]
    public void Resolve_OpenMpiInsideSlurmAllocation_RanksFromOmpiSeedFromSlurmList()
    {
        // mpirun in an allocation: SLURM_PROCID numbers Open MPI's daemons, not the processes.
        var env = new Dictionary<string, string>
        {
            ["SLURM_PROCID"] = "0",
            ["SLURM_NTASKS"] = "2",
            ["SLURM_JOB_NODELIST"] = "gpu[1-2]",
            ["OMPI_COMM_WORLD_RANK"] = "6",
            ["OMPI_COMM_WORLD_SIZE"] = "8",
            ["OMPI_COMM_WORLD_LOCAL_RANK"] = "2",
        };

        var s = Resolve(NodeLaunchFlags.None, Config.Empty, env);

        Assert.Equal((LauncherKind.OpenMpi, 6, 8, 2), (s.Launcher, s.Rank, s.WorldSize, s.LocalRank));
        Assert.Equal(["gpu1:25520"], s.SeedNodes);
    }

    [Fact]
    public void Resolve_RelaySeedHostWithPort_IsTakenAsIs()
    {
        var s = Resolve(NodeLaunchFlags.None, Config.Empty, new Dictionary<string, string> { ["RELAY_SEED_HOST"] = "head:4000", ["SLURM_JOB_NODELIST"] = "gpu1" });

        Assert.Equal(["head:4000"], s.SeedNodes);
    }

    [Fact]
    public void Resolve_FlagsBeatEnvironmentAndHocon()
    {
        var env = new Dictionary<string, string>
        {
            ["SLURM_PROCID"] = "1",
            ["SLURM_NTASKS"] = "4",
            ["SLURM_LOCALID"] = "1",
            ["SLURM_STEP_NODELIST"] = "gpu[01-02]",
            ["SLURMD_NODENAME"] = "gpu01",
        };
        var config = Parse("""
            relay-actors.remote { hostname = "10.1.1.1", port = 26000 }
            relay-actors.cluster.seed-nodes = ["10.1.1.1:26000"]
            relay-actors.node { capacity = 4, host-label = rack1 }
            """);
        var flags = new NodeLaunchFlags
        {
            Hostname = "10.9.9.9",
            Port = 27000,
            SeedNodes = ["seed.example:27000", "seed2.example:27000"],
            Capacity = 8,
            HostLabel = "box",
            Rank = 0,
            WorldSize = 2,
            LocalRank = 0,
        };

        var s = Resolve(flags, config, env);

        Assert.Equal(("10.9.9.9", 27000, 8, "box"), (s.Hostname, s.Port, s.Capacity, s.HostLabel));
        Assert.Equal(["seed.example:27000", "seed2.example:27000"], s.SeedNodes);
        Assert.Equal((0, 2, 0), (s.Rank, s.WorldSize, s.LocalRank));
    }

    [Fact]
    public void Resolve_PortFlagIsBaseUnderLauncher_OffsetByLocalRankFromEnvironment()
    {
        var env = new Dictionary<string, string> { ["SLURM_PROCID"] = "3", ["SLURM_NTASKS"] = "4", ["SLURM_LOCALID"] = "3", ["SLURM_JOB_NODELIST"] = "gpu1" };

        var s = Resolve(new NodeLaunchFlags { Port = 40000 }, Config.Empty, env);

        Assert.Equal((40000, 40003), (s.BasePort, s.Port));
        Assert.Equal(["gpu1:40000"], s.SeedNodes);
    }

    [Fact]
    public void Resolve_Hocon_BeatsDefaults()
    {
        var config = Parse("""
            relay-actors.remote { hostname = "10.1.1.1", port = 26000 }
            relay-actors.cluster.seed-nodes = ["10.1.1.1:26000", "10.1.1.2:26000"]
            relay-actors.node { capacity = 0, host-label = rack1 }
            """);

        var s = Resolve(NodeLaunchFlags.None, config, NoEnvironment);

        Assert.Equal(("10.1.1.1", 26000, 0, "rack1"), (s.Hostname, s.Port, s.Capacity, s.HostLabel));
        Assert.Equal(["10.1.1.1:26000", "10.1.1.2:26000"], s.SeedNodes);
    }

    [Fact]
    public void Resolve_SecretFileFlag_ReadsBytesWithoutTrailingNewline()
    {
        var path = WriteFile("secret", "s3cr3t\n");

        var s = Resolve(new NodeLaunchFlags { SecretFile = path }, Config.Empty, new Dictionary<string, string> { ["RELAY_CLUSTER_SECRET"] = "other" });

        Assert.Equal("s3cr3t"u8.ToArray(), s.Secret!.ToArray());
    }

    [Fact]
    public void Resolve_SecretFromEnvironment_BeatsHoconFile()
    {
        var s = Resolve(NodeLaunchFlags.None, Parse("relay-actors.node.secret-file = \"/no/such/file\""), new Dictionary<string, string> { ["RELAY_CLUSTER_SECRET"] = "from-env" });

        Assert.Equal(Encoding.UTF8.GetBytes("from-env"), s.Secret!.ToArray());
        Assert.Equal("secret from RELAY_CLUSTER_SECRET", s.Secret.ToString());
    }

    [Fact]
    public void ToString_NeverShowsTheSecret()
    {
        var path = WriteFile("secret", "hunter2-topsecret");

        var s = Resolve(new NodeLaunchFlags { SecretFile = path }, Config.Empty, NoEnvironment);

        Assert.DoesNotContain("hunter2", s.ToString(), StringComparison.Ordinal);
        Assert.Contains($"secret from file {path}", s.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", s.Secret!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MissingSecretFile_ThrowsNamingPathAndFlag()
    {
        var path = Path.Combine(_folder, "absent");

        var ex = Assert.Throws<ConfigurationException>(() => Resolve(new NodeLaunchFlags { SecretFile = path }, Config.Empty, NoEnvironment));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("--secret-file", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\r\n\n")]
    public void Resolve_EmptySecretFile_ThrowsNamingPath(string contents)
    {
        var path = WriteFile("empty", contents);

        var ex = Assert.Throws<ConfigurationException>(() => Resolve(NodeLaunchFlags.None, Parse($"relay-actors.node.secret-file = \"{path}\""), NoEnvironment));

        Assert.Contains($"'{path}' is empty", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("relay-actors.node.secret-file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EmptySecretVariable_Throws()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Resolve(NodeLaunchFlags.None, Config.Empty, new Dictionary<string, string> { ["RELAY_CLUSTER_SECRET"] = "" }));

        Assert.Contains("RELAY_CLUSTER_SECRET", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SLURM_PROCID", "abc", "SLURM_PROCID=abc")]
    [InlineData("SLURM_PROCID", "-1", "SLURM_PROCID=-1")]
    [InlineData("SLURM_NTASKS", "0", "SLURM_NTASKS=0")]
    [InlineData("SLURM_LOCALID", "x", "SLURM_LOCALID=x")]
    [InlineData("SLURM_JOB_NODELIST", "gpu[01-03", "SLURM_JOB_NODELIST=gpu[01-03")]
    [InlineData("SLURM_PROCID", "4", "rank 4 is not below world size 4")]
    public void Resolve_MalformedSlurmEnvironment_ThrowsNamingVariableAndValue(string variable, string value, string expected)
    {
        var env = new Dictionary<string, string> { ["SLURM_PROCID"] = "0", ["SLURM_NTASKS"] = "4", ["SLURM_JOB_NODELIST"] = "gpu1", [variable] = value };

        var ex = Assert.Throws<ConfigurationException>(() => Resolve(NodeLaunchFlags.None, Config.Empty, env));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_MalformedMpiRank_ThrowsNamingVariable()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Resolve(NodeLaunchFlags.None, Config.Empty, new Dictionary<string, string> { ["OMPI_COMM_WORLD_RANK"] = "1.5" }));

        Assert.Contains("OMPI_COMM_WORLD_RANK=1.5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(70000, "--port = 70000")]
    [InlineData(-1, "--port = -1")]
    public void Resolve_BadPortFlag_ThrowsNamingFlagAndValue(int port, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Resolve(new NodeLaunchFlags { Port = port }, Config.Empty, NoEnvironment));

        Assert.StartsWith(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_BadPortKey_ThrowsNamingKey()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Resolve(NodeLaunchFlags.None, Parse("relay-actors.remote.port = 99999"), NoEnvironment));

        Assert.StartsWith("relay-actors.remote.port = 99999", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_LocalRankPushesPortPastRange_ThrowsNamingVariable()
    {
        var env = new Dictionary<string, string> { ["SLURM_PROCID"] = "0", ["SLURM_NTASKS"] = "8", ["SLURM_LOCALID"] = "7" };

        var ex = Assert.Throws<ConfigurationException>(() => Resolve(new NodeLaunchFlags { Port = 65530 }, Config.Empty, env));

        Assert.StartsWith("SLURM_LOCALID = 7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NegativeCapacity_ThrowsNamingFlagOrKey()
    {
        var flag = Assert.Throws<ConfigurationException>(() => Resolve(new NodeLaunchFlags { Capacity = -1 }, Config.Empty, NoEnvironment));
        var key = Assert.Throws<ConfigurationException>(() => Resolve(NodeLaunchFlags.None, Parse("relay-actors.node.capacity = -2"), NoEnvironment));

        Assert.StartsWith("--capacity = -1", flag.Message, StringComparison.Ordinal);
        Assert.StartsWith("relay-actors.node.capacity = -2", key.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpu1")]
    [InlineData("gpu1:")]
    [InlineData(":25520")]
    [InlineData("gpu1:0")]
    [InlineData("gpu1:http")]
    public void Resolve_SeedWithoutValidPort_ThrowsNamingFlagAndSeed(string seed)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Resolve(new NodeLaunchFlags { SeedNodes = [seed] }, Config.Empty, NoEnvironment));

        Assert.StartsWith($"--seed-nodes = {seed} is not host:port", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_UnknownNodeKey_Throws()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Resolve(NodeLaunchFlags.None, Parse("relay-actors.node.capacty = 2"), NoEnvironment));

        Assert.Contains("capacty", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_EnvironmentSeedWithPortZero_Throws()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Resolve(new NodeLaunchFlags { Port = 0 }, Config.Empty, new Dictionary<string, string> { ["RELAY_SEED_HOST"] = "head" }));

        Assert.StartsWith("RELAY_SEED_HOST=head", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("node-a.conf", 25520, "sim-host-a")]
    [InlineData("node-b.conf", 25521, "sim-host-b")]
    [InlineData("node-c.conf", 25522, "sim-host-c")]
    public void ExampleNodeFiles_ListenOnTheirPortAndJoinNodeA(string file, int port, string host)
    {
        var config = Config.Load(RepositoryRoot.File("hocon", "cluster", file));
        var env = new Dictionary<string, string> { ["RELAY_CLUSTER_SECRET"] = "test" };   // the file's secret path need not exist here

        var s = Resolve(NodeLaunchFlags.None, config, env);

        Assert.Equal(("127.0.0.1", port, 2, host), (s.Hostname, s.Port, s.Capacity, s.HostLabel));
        Assert.Equal(["127.0.0.1:25520"], s.SeedNodes);
        Assert.Equal(3, config.GetInt("relay-actors.cluster.min-nr-of-members"));
    }

    [Fact]
    public void ExampleTrainingFile_IsAValidTrainingExperimentForSixWorkers()
    {
        var config = ExperimentConfig.Load(RepositoryRoot.File("hocon", "cluster", "train-cluster.conf"), [], []);

        var s = TrainingExperimentSettings.FromConfig(config);

        Assert.Equal(6, s.Workers);
    }

    private static NodeLaunchSettings Resolve(NodeLaunchFlags flags, Config config, IReadOnlyDictionary<string, string> environment) =>
        NodeLaunchSettings.Resolve(flags, config, environment, Machine);

    private static Config Parse(string hocon) => Config.Parse(hocon);

    private string WriteFile(string name, string contents)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, contents);
        return path;
    }
}
