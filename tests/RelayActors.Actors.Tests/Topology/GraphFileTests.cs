using RelayActors.Actors.Topology;

namespace RelayActors.Actors.Tests.Topology;

public sealed class GraphFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("relayactors-graphfile-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_EdgeListWithCommentsAndBlankLines_BuildsGraph()
    {
        var path = Write("# a ring of four\n\n0 1\n1 2   # trailing comment\n  2 3\n3 0\n");
        var graph = GraphFile.Load(path);

        Assert.Equal(4, graph.NodeCount);
        Assert.Equal("0-1,0-3,1-2,2-3", string.Join(",", graph.Edges));
    }

    [Fact]
    public void Load_NodesHeader_AllowsIsolatedNodes()
    {
        var graph = GraphFile.Load(Write("# nodes 6\n0 1\n1 2\n"));
        Assert.Equal(6, graph.NodeCount);
        Assert.Equal(0, graph.Degree(5));
    }

    [Fact]
    public void Load_CommentStartingWithNodes_IsOnlyAComment()
    {
        Assert.Equal(3, GraphFile.Load(Write("# nodes are routers\n0 1\n1 2\n")).NodeCount);
    }

    [Fact]
    public void Load_SpecBinaryTreeEdges_EqualsBinaryTree()
    {
        var text = string.Join("\n", Topologies.BinaryTree(16).Edges.Select(e => $"{e.A} {e.B}"));
        Assert.Equal(Topologies.BinaryTree(16).Edges, GraphFile.Load(Write(text)).Edges);
    }

    [Theory]
    [InlineData("0 1\n1 x\n", 2, "1 x")]
    [InlineData("0 1\n1 2 3\n", 2, "1 2 3")]
    [InlineData("0 1\n\n-1 2\n", 3, "-1 2")]
    [InlineData("0\n", 1, "0")]
    [InlineData("# nodes -3\n0 1\n", 1, "# nodes -3")]
    [InlineData("# nodes 0\n", 1, "# nodes 0")]
    public void Load_MalformedLine_ThrowsNamingPathLineAndText(string text, int line, string bad)
    {
        var path = Write(text);
        var ex = Assert.Throws<FormatException>(() => GraphFile.Load(path));
        Assert.Contains($"{path}:{line}:", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{bad}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RepeatedEdge_ThrowsNamingBothLines()
    {
        var path = Write("0 1\n1 2\n2 1\n");
        var ex = Assert.Throws<FormatException>(() => GraphFile.Load(path));
        Assert.Equal($"{path}:3: edge 1-2 repeats line 2: '2 1'", ex.Message);
    }

    [Fact]
    public void Load_SelfLoop_ThrowsNamingLine()
    {
        var path = Write("0 1\n# next is bad\n4 4\n");
        var ex = Assert.Throws<FormatException>(() => GraphFile.Load(path));
        Assert.Equal($"{path}:3: self-loop on node 4: '4 4'", ex.Message);
    }

    [Fact]
    public void Load_NodeBeyondHeader_ThrowsNamingEdgeLineAndHeaderLine()
    {
        var path = Write("# nodes 3\n0 1\n1 3\n");
        var ex = Assert.Throws<FormatException>(() => GraphFile.Load(path));
        Assert.Equal($"{path}:3: node 3 is outside 0..2 (line 1 declares 3 nodes): '1 3'", ex.Message);
    }

    [Fact]
    public void Load_SecondNodesHeader_Throws()
    {
        var path = Write("# nodes 3\n0 1\n# nodes 4\n");
        var ex = Assert.Throws<FormatException>(() => GraphFile.Load(path));
        Assert.Contains($"{path}:3: a second '# nodes' header (the first is on line 1)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoEdgesNoHeader_Throws()
    {
        var path = Write("# nothing here\n\n");
        var ex = Assert.Throws<FormatException>(() => GraphFile.Load(path));
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("no edges", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => GraphFile.Load(Path.Combine(_directory, "missing.txt")));
    }

    private string Write(string text)
    {
        var path = Path.Combine(_directory, $"graph-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        return path;
    }
}
