using RelayActors.Actors.Network;
using RelayActors.Actors.Relay;
using RelayActors.Actors.Tests.Support;
using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Workers;

/// <summary>
/// <c>notify-drops</c> and scheduled outages on the worker actors: a lost message is announced to its receiver, so a
/// run needs no timeout and equals the lock-step simulation that drops exactly the same messages (the reference's
/// simulated drops, spec §1.6).
/// </summary>
public sealed class LossNoticeTests
{
    private const int Workers = 8;
    private const int Steps = 60;
    private static readonly Graph Tree = Topologies.BinaryTree(Workers);
    private static readonly Graph Ring = Topologies.Ring(Workers);

    public static TheoryData<Algorithm> Algorithms => new() { Algorithm.RelaySgd, Algorithm.Gossip, Algorithm.D2 };

    [Theory]
    [MemberData(nameof(Algorithms))]
    public void Drops_WithNotices_EqualLockstepDroppingTheSameMessages(Algorithm algorithm)
    {
        var network = new NetworkSettings
        {
            Link = LinkModel.Constant(TimeSpan.FromMilliseconds(2)) with { DropProbability = 0.2 },
            NotifyDrops = true,
            Seed = 5,
        };
        var graph = algorithm == Algorithm.RelaySgd ? Tree : Ring;
        const int seed = 1;
        // Each link draws one number per message in send order; every algorithm here sends one message per link and step.
        var lost = new HashSet<(long Step, int From, int To)>();
        foreach (var (a, b) in graph.Edges.Select(e => (e.A, e.B)))
        {
            foreach (var (from, to) in new[] { (a, b), (b, a) })
            {
                var random = network.RandomFor(from, to, seed);
                for (var step = 0L; step < Steps; step++)
                    if (random.NextDouble() < 0.2)
                        lost.Add((step, from, to));
            }
        }

        var expected = ModelRecorder.FromLockstep(Nodes(algorithm, graph), Steps, (step, from, to) => lost.Contains((step, from, to)));
        var actual = ModelRecorder.FromActors(Nodes(algorithm, graph), Steps, network, seed);

        Assert.True(lost.Count > Steps / 2, $"only {lost.Count} messages lost; the test would not exercise drops");
        expected.AssertIdentical(actual);
        Assert.Equal(lost.Count, actual.Total(c => c.MessagesDroppedByLinks));
        Assert.Equal(0, actual.Total(c => c.MessagesTimedOut));
    }

    [Fact]
    public void WorkerOutage_WithNotices_SilencesEveryMessageOfTheWorkerInItsStepsOnly()
    {
        var network = new NetworkSettings
        {
            Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)),
            NotifyDrops = true,
            Outages = [Outage.OfWorker(3, 10, 20)],
        };
        var silent = new Func<long, int, int, bool>((step, from, to) => step is >= 10 and < 20 && (from == 3 || to == 3));

        var expected = ModelRecorder.FromLockstep(Nodes(Algorithm.RelaySgd, Tree), Steps, (s, f, t) => silent(s, f, t));
        var actual = ModelRecorder.FromActors(Nodes(Algorithm.RelaySgd, Tree), Steps, network);

        expected.AssertIdentical(actual);
        var degree = Tree.Neighbours(3).Length;
        Assert.Equal(10L * 2 * degree, actual.Total(c => c.MessagesDroppedByLinks));
        Assert.Equal(0, actual.Total(c => c.MessagesTimedOut));
    }

    [Fact]
    public void LinkOutage_OneDirection_SilencesOnlyThatDirection()
    {
        var network = new NetworkSettings
        {
            Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)),
            NotifyDrops = true,
            Outages = [Outage.OfLink(1, 2, bothDirections: false, 5, 7)],
        };

        var expected = ModelRecorder.FromLockstep(Nodes(Algorithm.Gossip, Ring), Steps, (s, f, t) => s is >= 5 and < 7 && f == 1 && t == 2);
        var actual = ModelRecorder.FromActors(Nodes(Algorithm.Gossip, Ring), Steps, network);

        Assert.Equal(2, actual.Total(c => c.MessagesDroppedByLinks));
        expected.AssertIdentical(actual);
    }

    /// <summary>
    /// With a round timeout instead of notices the run goes on too, but it is not the lock-step run: the silent worker's
    /// neighbours leave their round a timeout late, and their own neighbours' timeouts then race their next messages
    /// (both come exactly one timeout plus one latency later), so further messages can time out.
    /// </summary>
    [Fact]
    public void WorkerOutage_WithRoundTimeoutInsteadOfNotices_FinishesAndTimesOutAtLeastTheSilencedMessages()
    {
        var network = new NetworkSettings
        {
            Link = LinkModel.Constant(TimeSpan.FromMilliseconds(1)),
            RoundTimeout = TimeSpan.FromMilliseconds(10),
            Outages = [Outage.OfWorker(0, 4, 6)],
        };

        var actual = ModelRecorder.FromActors(Nodes(Algorithm.RelaySgd, Tree), Steps, network);

        Assert.True(actual.IsFinished);
        Assert.Equal(2L * 2 * Tree.Neighbours(0).Length, actual.Total(c => c.MessagesDroppedByLinks));
        Assert.True(actual.Total(c => c.MessagesTimedOut) >= 2L * 2 * Tree.Neighbours(0).Length);
    }

    private static IWorkerNode<double>[] Nodes(Algorithm algorithm, Graph graph) =>
        Trajectory.Nodes(algorithm, RelayTopology.Of(graph), i => ScriptedObjective.Quadratic(i == Workers - 1 ? 16 : i), 0.1, RelayFill.OwnPrevious);
}
