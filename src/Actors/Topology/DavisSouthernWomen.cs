namespace RelayActors.Actors.Topology;

/// <summary>
/// The data of networkx's <c>davis_southern_women_graph</c> (Davis, Gardner and Gardner 1941, <i>Deep South</i>):
/// 18 women and the 14 social events each attended, transcribed from <c>networkx/generators/social.py</c>.
/// </summary>
internal static class DavisSouthernWomen
{
    /// <summary>The women in networkx's order; they are nodes 0..17.</summary>
    public static IReadOnlyList<string> Women { get; } =
    [
        "Evelyn Jefferson", "Laura Mandeville", "Theresa Anderson", "Brenda Rogers", "Charlotte McDowd",
        "Frances Anderson", "Eleanor Nye", "Pearl Oglethorpe", "Ruth DeSand", "Verne Sanderson", "Myra Liddel",
        "Katherina Rogers", "Sylvia Avondale", "Nora Fayette", "Helen Lloyd", "Dorothy Murchison", "Olivia Carleton",
        "Flora Price",
    ];

    /// <summary>Events E1..E14; event Ek is node 17 + k.</summary>
    public const int EventCount = 14;

    /// <summary>Total nodes: women, then events.</summary>
    public const int NodeCount = 32;

    /// <summary>For each woman (same order as <see cref="Women"/>), the numbers k of the events Ek she attended (89 in all).</summary>
    private static readonly int[][] Attended =
    [
        [1, 2, 3, 4, 5, 6, 8, 9],
        [1, 2, 3, 5, 6, 7, 8],
        [2, 3, 4, 5, 6, 7, 8, 9],
        [1, 3, 4, 5, 6, 7, 8],
        [3, 4, 5, 7],
        [3, 5, 6, 8],
        [5, 6, 7, 8],
        [6, 8, 9],
        [5, 7, 8, 9],
        [7, 8, 9, 12],
        [8, 9, 10, 12],
        [8, 9, 10, 12, 13, 14],
        [7, 8, 9, 10, 12, 13, 14],
        [6, 7, 9, 10, 11, 12, 13, 14],
        [7, 8, 10, 11, 12],
        [8, 9],
        [9, 11],
        [9, 11],
    ];

    /// <summary>The node id of event E<paramref name="k"/> (k = 1..14).</summary>
    public static int EventNode(int k) => Women.Count + k - 1;

    /// <summary>The woman–event attendance edges.</summary>
    public static IEnumerable<Edge> Edges()
    {
        for (var woman = 0; woman < Attended.Length; woman++)
            foreach (var k in Attended[woman])
                yield return new Edge(woman, EventNode(k));
    }
}
