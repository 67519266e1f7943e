using RelayActors.Actors.Topology;
using RelayActors.Tests.Shared;

namespace RelayActors.Actors.Tests.Topology;

public sealed class TreePairTests
{
    [Fact]
    public void DoubleBinaryTrees_Sixteen_AreTheBinaryTreeAndItsReverse()
    {
        var pair = Topologies.DoubleBinaryTrees(16);
        Assert.Equal(Topologies.BinaryTree(16).Edges, pair.First.Edges);
        // spec §3's edge list of BinaryTreeTopology(16, reverse=True).
        Assert.Equal("0-8,1-8,2-9,3-9,4-10,5-10,6-11,7-11,8-12,9-12,10-13,11-13,12-14,13-14,14-15", string.Join(",", pair.Second.Edges));
        Assert.True(pair.First.IsTree);
        Assert.True(pair.Second.IsTree);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(16)]
    [InlineData(32)]
    public void DoubleBinaryTrees_EvenN_InternalNodesOfOneAreLeavesOfTheOther(int n)
    {
        var pair = Topologies.DoubleBinaryTrees(n);
        for (var node = 0; node < n; node++)
            Assert.False(pair.First.Degree(node) > 1 && pair.Second.Degree(node) > 1, $"node {node} is internal in both trees");
    }

    [Theory]
    [InlineData(7)]
    [InlineData(33)]
    public void DoubleBinaryTrees_OddN_MiddleNodeIsInternalInBoth(int n)
    {
        // Spec §3's claim holds for even n only: w → n − 1 − w maps the middle node (n − 1)/2, which has the child
        // n − 1, to itself.
        var pair = Topologies.DoubleBinaryTrees(n);
        int[] both = [.. Enumerable.Range(0, n).Where(v => pair.First.Degree(v) > 1 && pair.Second.Degree(v) > 1)];
        Assert.Equal([(n - 1) / 2], both);
    }

    [Fact]
    public void DoubleBinaryTrees_Sixteen_SplitsInternalNodesAndLeavesZeroAndFifteenLeavesInBoth()
    {
        // Spec §3 says the internal nodes of one tree are leaves of the other; for n = 16 that holds, but it is
        // not a partition: 1..7 are internal only in the first, 8..14 only in the second, 0 and 15 leaves in both.
        var pair = Topologies.DoubleBinaryTrees(16);
        int[] Internal(Graph g) => [.. Enumerable.Range(0, 16).Where(v => g.Degree(v) > 1)];
        Assert.Equal(Enumerable.Range(1, 7), Internal(pair.First));
        Assert.Equal(Enumerable.Range(8, 7), Internal(pair.Second));
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(7, 4, 3)]
    [InlineData(10, 5, 5)]
    public void CountFor_Dimension_SplitsByParity(int dimension, int first, int second)
    {
        Assert.Equal(first, TreePair.CountFor(0, dimension));
        Assert.Equal(second, TreePair.CountFor(1, dimension));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10)]
    public void Gather_EvenAndOddIndices_GoToTreesZeroAndOne(int dimension)
    {
        var full = Enumerable.Range(0, dimension).Select(i => (float)i).ToArray();
        var first = new float[TreePair.CountFor(0, dimension)];
        var second = new float[TreePair.CountFor(1, dimension)];

        TreePair.Gather(full, 0, first);
        TreePair.Gather(full, 1, second);

        Assert.Equal(Enumerable.Range(0, first.Length).Select(k => (float)(2 * k)), first);
        Assert.Equal(Enumerable.Range(0, second.Length).Select(k => (float)((2 * k) + 1)), second);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(10)]
    public void GatherThenScatter_BothTrees_RoundTripsTheVector(int dimension)
    {
        var full = Enumerable.Range(0, dimension).Select(i => (i * 1.5f) - 3f).ToArray();
        var rebuilt = new float[dimension];
        for (var tree = 0; tree < 2; tree++)
        {
            var part = new float[TreePair.CountFor(tree, dimension)];
            TreePair.Gather(full, tree, part);
            TreePair.Scatter(part, tree, rebuilt);
        }
        Assert.Equal(full, rebuilt);
    }

    [Fact]
    public void Scatter_OneTree_LeavesTheOtherTreesIndicesUntouched()
    {
        float[] full = [9, 9, 9, 9, 9];
        TreePair.Scatter([1, 2], 1, full);
        Assert.Equal([9f, 1f, 9f, 2f, 9f], full);
    }

    [Fact]
    public void GatherAndScatter_Warm_AllocateNothing()
    {
        var full = new float[1001];
        var part = new float[TreePair.CountFor(1, full.Length)];
        TreePair.Gather(full, 1, part);
        TreePair.Scatter(part, 1, full);

        Assert.Equal(0, SteadyAllocation.BytesPerBatch(() =>
        {
            TreePair.Gather(full, 1, part);
            TreePair.Scatter(part, 1, full);
        }));
    }

    [Fact]
    public void Gather_PartOfWrongLength_ThrowsNamingBothLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => TreePair.Gather(new float[7], 0, new float[3]));
        Assert.Contains("has 4 parameters", ex.Message, StringComparison.Ordinal);
        Assert.Contains("the part has 3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CountFor_TreeTwo_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TreePair.CountFor(2, 4));
    }

    [Fact]
    public void Indexer_ZeroAndOne_AreFirstAndSecond()
    {
        var pair = Topologies.DoubleBinaryTrees(8);
        Assert.Same(pair.First, pair[0]);
        Assert.Same(pair.Second, pair[1]);
    }
}
