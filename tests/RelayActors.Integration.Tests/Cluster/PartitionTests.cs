using RelayActors.Host.Commands;
using RelayActors.Integration.Tests.Support;

namespace RelayActors.Integration.Tests.Cluster;

/// <summary>
/// Three <c>relay node</c> processes, each in its own network namespace on one bridge; one namespace is cut off.
/// Keep-majority: the isolated node downs itself and stops, the two others down it and keep serving (a training run
/// submitted to them afterwards finishes).
/// </summary>
[Collection(ClusterProcesses.Name)]
public sealed class PartitionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("relay-partition-").FullName;
    private readonly List<RelayProcess> _processes = [];
    private NetworkNamespaces? _namespaces;

    [NetnsFact]
    public void Partition_OneOfThreeCutOff_MinorityDownsItselfAndMajorityContinues()
    {
        _namespaces = new NetworkNamespaces(3);
        var secret = Path.Combine(_folder, "secret");
        File.WriteAllText(secret, "partition-secret");
        const int port = 25700;
        var seed = $"{NetworkNamespaces.AddressOf(1)}:{port}";
        for (var k = 1; k <= 3; k++)
        {
            _processes.Add(RelayProcess.Start($"node-{k}",
                ["node", "--hostname", NetworkNamespaces.AddressOf(k), "--port", $"{port}", "--seed-nodes", seed, "--capacity", "1", "--secret-file", secret],
                _namespaces.Namespace(k)));
        }
        var third = $"relay://relay@{NetworkNamespaces.AddressOf(3)}:{port}";
        Assert.True(_processes[0].WaitForLine($"member up: {third}", TimeSpan.FromSeconds(60)), _processes[0].ToString());

        _namespaces.Isolate(3);

        Assert.True(_processes[2].WaitForExit(TimeSpan.FromSeconds(60)), $"the isolated node kept running\n{_processes[2]}");
        Assert.Equal(ExitCodes.RunFailed, _processes[2].ExitCode);
        Assert.Contains("removed from the cluster", _processes[2].Output, StringComparison.Ordinal);
        Assert.True(_processes[0].WaitForLine($"member removed: {third}", TimeSpan.FromSeconds(30)), _processes[0].ToString());
        Assert.False(_processes[0].HasExited, _processes[0].ToString());
        Assert.False(_processes[1].HasExited, _processes[1].ToString());

        var train = RelayProcess.Start("train",
        [
            "train", "--cluster", "--hostname", NetworkNamespaces.AddressOf(1), "--seed-nodes", seed, "--secret-file", secret,
            "--name", "majority", "--workers", "2", "--model", "logistic-regression", "--algorithms", "relaysgd", "--epochs", "1",
            "--set", $"relay-actors.training.output={_folder}", "--set", "relay-actors.training.synthetic-train-samples=1000",
            "--set", "relay-actors.training.synthetic-test-samples=200",
        ], _namespaces.Namespace(1));
        _processes.Add(train);
        Assert.True(train.WaitForExit(TimeSpan.FromSeconds(120)), train.ToString());
        Assert.True(train.ExitCode == 0, train.ToString());
    }

    public void Dispose()
    {
        foreach (var process in _processes)
            process.Dispose();
        _namespaces?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }
}
