using System.Globalization;

namespace RelayActors.Actors.Topology;

/// <summary>
/// Reads a graph from an edge-list text: one <c>u v</c> pair of 0-based node ids per line, <c>#</c> starting a
/// comment, blank lines ignored. The node count is the largest id plus one, unless a <c># nodes N</c> line says
/// otherwise (then isolated nodes are allowed, and every id must be below N).
/// </summary>
public static class GraphFile
{
    private const string NodesHeader = "nodes";

    /// <summary>Reads and parses the edge-list file at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">A line is malformed, repeats an edge or is a self-loop; the message names the path, the line number and its text.</exception>
    public static Graph Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var reader = File.OpenText(path);
        return Parse(reader, path);
    }

    /// <summary>Parses edge-list text; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="FormatException">A line is malformed, repeats an edge or is a self-loop.</exception>
    public static Graph Parse(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        var firstSeen = new Dictionary<Edge, int>();
        var edges = new List<(Edge Edge, int Line, string Text)>();
        int? declaredNodes = null;
        var declaredLine = 0;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            var text = line.Trim();
            if (text.StartsWith('#'))
            {
                var words = text[1..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                // Exactly two words "nodes N" make the header; "# nodes are routers" stays a comment.
                if (words.Length == 2 && words[0] == NodesHeader)
                {
                    if (declaredNodes is not null)
                        throw Error(source, lineNumber, line, $"a second '# nodes' header (the first is on line {declaredLine})");
                    if (!TryParseId(words[1], out var count) || count == 0)
                        throw Error(source, lineNumber, line, "expected '# nodes N' with N a positive integer");
                    (declaredNodes, declaredLine) = (count, lineNumber);
                }
                continue;
            }
            var comment = text.IndexOf('#', StringComparison.Ordinal);
            if (comment >= 0)
                text = text[..comment].TrimEnd();
            if (text.Length == 0)
                continue;
            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !TryParseId(parts[0], out var u) || !TryParseId(parts[1], out var v))
                throw Error(source, lineNumber, line, "expected two non-negative integer node ids 'u v'");
            if (u == v)
                throw Error(source, lineNumber, line, $"self-loop on node {u}");
            var edge = new Edge(u, v);
            if (!firstSeen.TryAdd(edge, lineNumber))
                throw Error(source, lineNumber, line, $"edge {edge} repeats line {firstSeen[edge]}");
            edges.Add((edge, lineNumber, line));
        }

        if (declaredNodes is { } nodes)
        {
            foreach (var (edge, edgeLine, edgeText) in edges)
                if (edge.B >= nodes)
                    throw Error(source, edgeLine, edgeText, $"node {edge.B} is outside 0..{nodes - 1} (line {declaredLine} declares {nodes} nodes)");
            return new Graph(nodes, edges.Select(e => e.Edge));
        }
        if (edges.Count == 0)
            throw new FormatException($"{source}: no edges and no '# nodes N' header, so the graph has no nodes");
        return new Graph(edges.Max(e => e.Edge.B) + 1, edges.Select(e => e.Edge));
    }

    private static bool TryParseId(string text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id);

    private static FormatException Error(string source, int line, string text, string problem) =>
        new($"{source}:{line}: {problem}: '{text}'");
}
