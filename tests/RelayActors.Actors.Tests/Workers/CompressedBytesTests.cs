using RelayActors.Actors.Baselines;
using RelayActors.Actors.Compression;
using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>The worker actors charge a message what its payload encodes to (the compressor's size) plus the 32-byte header.</summary>
public sealed class CompressedBytesTests
{
    private const int Workers = 6;
    private const int Dimension = 20;
    private const int Steps = 10;
    private const long Header = 32;

    [Theory]
    [InlineData(CompressorKind.TopK, 2 * (8 + 4))]         // k = 0.1·20 = 2 (value, index) pairs of doubles
    [InlineData(CompressorKind.RandomK, (2 * 8) + 8)]      // 2 values and the seed
    [InlineData(CompressorKind.ScaledSign, 3 + 8)]         // 20 bits and the scale
    [InlineData(CompressorKind.Qsgd, 8 + 15)]              // the norm, 20 × (sign + 5 level bits) = 120 bits
    [InlineData(CompressorKind.Identity, Dimension * 8)]
    public void ChocoOnActors_BytesSent_IsStepsTimesDegreeTimesEncodedSizePlusHeader(CompressorKind kind, long payloadBytes)
    {
        var options = new AlgorithmOptions { Choco = new ChocoSettings { Compressor = new CompressorSettings { Kind = kind, Fraction = 0.1, Levels = 16 } } };

        var recorder = Run(Algorithm.ChocoSgd, options);

        // A ring: every worker sends to its two neighbours once per step.
        Assert.All(recorder.Counters, c => Assert.Equal(Steps * 2 * (payloadBytes + Header), c.BytesSent));
    }

    [Fact]
    public void ChocoTopTenPercent_SendsKPairsWhereDsgdSendsTheDenseVector()
    {
        // k = d/10 (value, index) pairs: 12 bytes each in double, 0.15 of the 8·d dense bytes (in float 8 of 4·d, 0.2).
        var choco = Run(Algorithm.ChocoSgd, new AlgorithmOptions());
        var gossip = Run(Algorithm.Gossip, new AlgorithmOptions());

        var messages = Steps * 2L * Workers;
        Assert.Equal(messages * (Header + (Dimension * 8)), gossip.Total(c => c.BytesSent));
        Assert.Equal(messages * (Header + (2 * 12)), choco.Total(c => c.BytesSent));
        Assert.Equal(gossip.Total(c => c.MessagesSent), choco.Total(c => c.MessagesSent));
    }

    private static ModelRecorder Run(Algorithm algorithm, AlgorithmOptions options)
    {
        var nodes = AlgorithmNodes.Create(algorithm, RelayTopology.Create(TopologyKind.Ring, Workers),
            i => LocalStep<double>.Sgd(new SeparableQuadratic(Enumerable.Range(0, Dimension).Select(c => (double)(i * c % 7)).ToArray()), 0.2), new double[Dimension], options);
        return ModelRecorder.FromActors(nodes, Steps, new NetworkSettings { Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)) });
    }
}
