using RelayActors.Actors.Baselines;
using RelayActors.Actors.Compression;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Topology;
using RelayActors.Actors.Workers;
using RelayActors.Models.Tasks;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>
/// F6 on the random quadratics (n = 8, d = 5, ζ² = 1, μ = 0.5, L = 1, r0 = 10), constant η = 0.3, on Lockstep (the
/// actors reproduce it bit for bit, see <see cref="LockstepEquivalenceTests"/>).
/// </summary>
public sealed class QuadraticsConvergenceTests
{
    private const int Steps = 400;
    private const double LearningRate = 0.3;

    [Theory]
    [InlineData(Algorithm.RelaySgd, TopologyKind.Chain)]
    [InlineData(Algorithm.D2, TopologyKind.Ring)]
    [InlineData(Algorithm.GradientTracking, TopologyKind.Ring)]
    public void ExactAlgorithms_HeterogeneousQuadratics_ReachExactConsensusAtOptimum(Algorithm algorithm, TopologyKind kind)
    {
        // Linear convergence to the fixed point x_i = x* (RelaySGD reaches both bounds by step ~210, D² ~130, GT ~150).
        var result = Run(algorithm, kind);

        Assert.True(result.FinalConsensusDistance < 1e-12, $"consensus distance {result.FinalConsensusDistance}");
        Assert.True(result.FinalError < 1e-9, $"error {result.FinalError}");
    }

    [Theory]
    [InlineData(Algorithm.Gossip, TopologyKind.Ring)]
    [InlineData(Algorithm.RelaySgdGrad, TopologyKind.Chain)]
    public void InexactAlgorithms_HeterogeneousQuadratics_StayApartWithNearOptimalMean(Algorithm algorithm, TopologyKind kind)
    {
        // At their fixed point Σ_i ∇_i(x_i) = 0 (not x_i = x*). With H_i = A_iᵀA_i, H = mean H_i, both with spectrum in
        // [μ², L²] = [0.25, 1]: H(x̄ − x*) = −(1/n) Σ_i (H_i − H)(x_i − x̄), ||H⁻¹|| ≤ 4 and ||H_i − H|| ≤ 0.75, so
        // ||x̄ − x*|| ≤ 3·√Ξ and f(x̄) − f* = (x̄ − x*)ᵀH(x̄ − x*) ≤ 9·Ξ, with Ξ the consensus distance.
        var result = Run(algorithm, kind);
        var last = result.Trace[^1];

        Assert.True(last.ConsensusDistance > 1e-6, $"consensus distance {last.ConsensusDistance}");
        Assert.True(last.Error <= 9 * last.ConsensusDistance, $"error {last.Error} above 9·Ξ = {9 * last.ConsensusDistance}");
        Assert.True(last.Error < 1e-4 * result.Trace[0].Error, $"error {last.Error} vs {result.Trace[0].Error} after step 0");
        // Stationary: a fixed point, not a passing state.
        Assert.Equal(result.Trace[^2].ConsensusDistance, last.ConsensusDistance, 1e-9 * last.ConsensusDistance);
    }

    [Theory]
    [InlineData(CompressorKind.TopK, TopologyKind.Ring)]
    [InlineData(CompressorKind.TopK, TopologyKind.Chain)]
    [InlineData(CompressorKind.RandomK, TopologyKind.Ring)]
    public void ChocoSgd_HomogeneousQuadratics_ReachesTheOptimumSendingOneCoordinateInTen(CompressorKind kind, TopologyKind topology)
    {
        // ζ² = 0: every f_i has the minimiser x*, so Choco converges linearly to x_i = x* however coarse Q is; with one
        // coordinate of ten per message (γ = 0.2) error and consensus distance fall below 1e-12 by step 125 (top-k) or
        // 475 (random-k). Not updating x̂_i, or adding q to the wrong copy, leaves the copies stale and stalls it.
        var problem = RandomQuadratics.Create(new QuadraticsSettings(Workers: 8, Dimension: 10, Zeta2: 0, Mu: 0.5, R0: 10, Seed: 1));
        var settings = ChocoRun(new CompressorSettings { Kind = kind, Fraction = 0.1 }, steps: 600);

        var result = QuadraticsRun.ExecuteLockstep(problem, RelayTopology.Create(topology, 8), settings);

        Assert.True(result.FinalError < 1e-12, $"error {result.FinalError} (started at {result.Trace[0].Error})");
        Assert.True(result.FinalConsensusDistance < 1e-12, $"consensus distance {result.FinalConsensusDistance}");
    }

    [Fact]
    public void ChocoSgdTopK_HeterogeneousQuadratics_EndsAtTheFixedPointOfUncompressedChoco()
    {
        // At the fixed point q = 0 and x̂_i = x_i^{(t+1/2)}, whatever the compressor: the fixed point of D-SGD with the
        // mixing matrix I + γ(W − I). Top-k reaches it with a tenth of the coordinates per message.
        var problem = RandomQuadratics.Create(new QuadraticsSettings(Workers: 8, Dimension: 10, Zeta2: 1, Mu: 0.5, R0: 10, Seed: 1));
        var ring = RelayTopology.Create(TopologyKind.Ring, 8);

        var topK = QuadraticsRun.ExecuteLockstep(problem, ring, ChocoRun(new CompressorSettings { Kind = CompressorKind.TopK, Fraction = 0.1 }, steps: 1500));
        var dense = QuadraticsRun.ExecuteLockstep(problem, ring, ChocoRun(new CompressorSettings { Kind = CompressorKind.Identity }, steps: 1500));

        Assert.True(dense.FinalConsensusDistance > 1e-3, $"consensus distance {dense.FinalConsensusDistance}: heterogeneous workers stay apart");
        Assert.Equal(dense.FinalError, topK.FinalError, 1e-9 * dense.FinalError);
        Assert.Equal(dense.FinalConsensusDistance, topK.FinalConsensusDistance, 1e-9 * dense.FinalConsensusDistance);
        Assert.True(topK.FinalError < 1e-3 * topK.Trace[0].Error, $"error {topK.FinalError} vs {topK.Trace[0].Error} after step 0");
    }

    private static QuadraticsRunSettings ChocoRun(CompressorSettings compressor, long steps) => new()
    {
        Algorithm = Algorithm.ChocoSgd,
        LearningRate = 0.3,
        Steps = steps,
        StopAtTarget = false,
        Trace = true,
        Choco = new ChocoSettings { Compressor = compressor, ConsensusStep = 0.2 },
    };

    private static QuadraticsResult Run(Algorithm algorithm, TopologyKind kind)
    {
        var problem = RandomQuadratics.Create(new QuadraticsSettings(Workers: 8, Dimension: 5, Zeta2: 1, Mu: 0.5, R0: 10, Seed: 1));
        var settings = new QuadraticsRunSettings { Algorithm = algorithm, LearningRate = LearningRate, Steps = Steps, StopAtTarget = false, Trace = true };
        return QuadraticsRun.ExecuteLockstep(problem, RelayTopology.Create(kind, 8), settings);
    }
}
