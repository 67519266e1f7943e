using RelayActors.Actors.Distributed;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Training;
using RelayActors.Host.Commands;
using RelayActors.Host.Configuration;
using RelayActors.Integration.Tests.Support;
using RelayActors.Runtime.Configuration;
using RelayActors.Runtime.Kernel;

namespace RelayActors.Integration.Tests.Cluster;

/// <summary>
/// Real <c>relay node</c> processes on loopback and a real <c>relay train --cluster</c>: the cluster run must give
/// bit-identical parameters to the same seeded run in one process (every worker sums its channels in a fixed order, so
/// neither thread timing nor the network changes a bit), and a killed node must end the run cleanly by its policy.
/// Wall-clock waits are bounded by safety timeouts.
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class ClusterTrainingTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);
    private readonly string _folder = Directory.CreateTempSubdirectory("relay-cluster-").FullName;
    private readonly List<RelayProcess> _processes = [];

    [Fact]
    public void TrainCluster_ThreeNodes_GivesBitIdenticalParametersToOneHost()
    {
        var seed = StartNodes(capacity: 2);

        var train = Submit(seed, "identical", epochs: 2, policy: "stop-with-checkpoint");

        Assert.True(train.WaitForExit(Patience), Everything());
        Assert.True(train.ExitCode == 0, Everything());
        Assert.Contains("2 inter-host", File.ReadAllText(Path.Combine(_folder, "identical", "tree.txt")), StringComparison.Ordinal);
        AssertCheckpointEqualsOneHostRun("identical", epochs: 2);
    }

    [Fact]
    public void TrainCluster_NodeKilledMidRun_StopsWithCheckpointInsteadOfHanging()
    {
        var seed = StartNodes(capacity: 2);
        var train = Submit(seed, "killed", epochs: 40, policy: "stop-with-checkpoint");
        Assert.True(train.WaitForLine("epoch 1.00", Patience), Everything());

        _processes[2].Kill();

        Assert.True(train.WaitForExit(TimeSpan.FromSeconds(60)), $"the run hung after a node was killed\n{train}");
        Assert.Equal(ExitCodes.RunFailed, train.ExitCode);
        Assert.Contains("Lost cluster node", train.Output, StringComparison.Ordinal);
        Assert.Contains("stop-with-checkpoint", train.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "killed", "relaysgd", TrainingCheckpoint.FileName)), Everything());
    }

    [Fact]
    public void TrainCluster_NodeKilledWithSpareSlots_ContinuesOnSurvivorsBitIdentically()
    {
        // Three slots per node for six workers: two nodes can take all of them after the third dies.
        var seed = StartNodes(capacity: 3);
        var train = Submit(seed, "continued", epochs: 4, policy: "continue");
        Assert.True(train.WaitForLine("epoch 1.00", Patience), Everything());

        _processes[2].Kill();

        Assert.True(train.WaitForExit(Patience), Everything());
        Assert.True(train.ExitCode == 0, Everything());
        Assert.Contains("continuing from the last checkpoint", train.Output, StringComparison.Ordinal);
        AssertCheckpointEqualsOneHostRun("continued", epochs: 4);
    }

    /// <summary>Every process's output (submitter and nodes), for a failure message: a hang shows on the nodes.</summary>
    private string Everything() => string.Join("\n", _processes);

    public void Dispose()
    {
        foreach (var process in _processes)
            process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>Three nodes on loopback, each its own simulated host; returns the seed's port.</summary>
    private int StartNodes(int capacity)
    {
        var secret = Path.Combine(_folder, "secret");
        File.WriteAllText(secret, "integration-secret");
        var ports = Enumerable.Range(0, 3).Select(_ => RelayProcess.FreePort()).ToArray();
        for (var k = 0; k < ports.Length; k++)
        {
            _processes.Add(RelayProcess.Start($"node-{k}",
            [
                "node", "--hostname", "127.0.0.1", "--port", $"{ports[k]}", "--seed-nodes", $"127.0.0.1:{ports[0]}",
                "--capacity", $"{capacity}", "--host-label", $"host-{k}", "--secret-file", secret,
                // All three Up together: with spare slots the submitter could otherwise place on the first two alone.
                "--set", "relay-actors.cluster.min-nr-of-members=3",
            ]));
        }
        return ports[0];
    }

    private RelayProcess Submit(int seedPort, string name, int epochs, string policy)
    {
        var train = RelayProcess.Start("train",
        [
            "train", "--cluster", "--seed-nodes", $"127.0.0.1:{seedPort}", "--secret-file", Path.Combine(_folder, "secret"),
            .. Experiment(name, epochs),
            "--set", $"relay-actors.node.lost-node-policy={policy}",
            "--set", "relay-actors.node.submit-timeout=60s",
            "--set", "relay-actors.cluster.min-nr-of-members=3",
        ]);
        _processes.Add(train);
        return train;
    }

    private string[] Experiment(string name, int epochs) =>
    [
        "--name", name, "--workers", "6", "--model", "mlp", "--algorithms", "relaysgd", "--epochs", $"{epochs}",
        "--set", $"relay-actors.training.output={_folder}",
        "--set", "relay-actors.training.synthetic-train-samples=3000",
        "--set", "relay-actors.training.synthetic-test-samples=500",
    ];

    /// <summary>The cluster run's final checkpoint against the same run on the host-aware tree in this process.</summary>
    private void AssertCheckpointEqualsOneHostRun(string name, int epochs)
    {
        var config = ExperimentConfig.Load(null, [], Experiment(name, epochs).Chunk(2).Where(p => p[0] == "--set").Select(p => p[1])
            .Concat([$"relay-actors.training.workers=6", "relay-actors.training.model=mlp", "relay-actors.training.algorithms=relaysgd", $"relay-actors.training.epochs={epochs}", $"relay-actors.training.name={name}"]));
        var settings = TrainingExperimentSettings.FromConfig(config);
        var network = NetworkSettings.FromConfig(config);
        Assert.True(TrainCommand.TryLoadData(settings, TextWriter.Null, out var trainSet, out var testSet));
        var slots = Enumerable.Range(0, 3).Select(k => new NodeSlot($"node-{k}", $"host-{k}", 2)).ToArray();
        var tree = HostAwareTree.Build(Placement.Assign(slots, 6));
        var topology = Actors.Topology.RelayTopology.WithSpanningTree(tree, tree);

        var cluster = TrainingSession.BuildRun(settings, Algorithm.RelaySgd, topology, network, trainSet, testSet);
        TrainingCheckpoint.Read(Path.Combine(_folder, name, "relaysgd", TrainingCheckpoint.FileName), cluster, TrainingExperimentSettings.Describe(config, Algorithm.RelaySgd));
        var local = TrainingSession.BuildRun(settings, Algorithm.RelaySgd, topology, network, trainSet, testSet);
        local.RunTo(local.Settings.Steps, ClockKind.Virtual);

        Assert.Equal(local.Settings.Steps, cluster.CompletedSteps);
        for (var w = 0; w < 6; w++)
            Assert.True(local.ModelOf(w).SequenceEqual(cluster.ModelOf(w)), $"worker {w}'s parameters differ from the one-host run");
        Assert.Equal(local.Messages, cluster.Messages);
        Assert.Equal(local.Bytes, cluster.Bytes);
    }
}

/// <summary>Cluster tests start several processes each; running them one at a time keeps a 2-core machine responsive.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ClusterProcesses
{
    public const string Name = "cluster processes";
}
