using RelayActors.Integration.Tests.Support;

namespace RelayActors.Integration.Tests.Cluster;

/// <summary>A <c>relay node</c> with another secret is refused at the handshake and logged on both sides; the cluster keeps its members.</summary>
[Collection(ClusterProcesses.Name)]
public sealed class WrongSecretTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("relay-secret-").FullName;
    private readonly List<RelayProcess> _processes = [];

    [Fact]
    public void Node_WithWrongSecret_IsRefusedAndTheClusterKeepsServing()
    {
        var good = Path.Combine(_folder, "good");
        var bad = Path.Combine(_folder, "bad");
        File.WriteAllText(good, "the-right-secret");
        File.WriteAllText(bad, "a-wrong-secret");
        var (seedPort, secondPort, intruderPort) = (RelayProcess.FreePort(), RelayProcess.FreePort(), RelayProcess.FreePort());
        var seed = Start("seed", seedPort, seedPort, good);
        var second = Start("second", secondPort, seedPort, good);
        Assert.True(seed.WaitForLine($"member up: relay://relay@127.0.0.1:{secondPort}", TimeSpan.FromSeconds(60)), seed.ToString());

        var intruder = Start("intruder", intruderPort, seedPort, bad);

        Assert.True(seed.WaitForLine("refused during the handshake", TimeSpan.FromSeconds(30)), seed.ToString());
        Assert.True(intruder.WaitForLine("refused during the handshake", TimeSpan.FromSeconds(30)), intruder.ToString());
        Assert.DoesNotContain($"127.0.0.1:{intruderPort} (host", seed.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("the-right-secret", seed.Output + intruder.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("a-wrong-secret", seed.Output + intruder.Output, StringComparison.Ordinal);
        second.Terminate();
        Assert.True(seed.WaitForLine($"member removed: relay://relay@127.0.0.1:{secondPort}", TimeSpan.FromSeconds(30)), seed.ToString());
        Assert.False(seed.HasExited, seed.ToString());
    }

    public void Dispose()
    {
        foreach (var process in _processes)
            process.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private RelayProcess Start(string name, int port, int seedPort, string secret)
    {
        var process = RelayProcess.Start(name,
            ["node", "--hostname", "127.0.0.1", "--port", $"{port}", "--seed-nodes", $"127.0.0.1:{seedPort}", "--capacity", "1", "--secret-file", secret]);
        _processes.Add(process);
        return process;
    }
}
