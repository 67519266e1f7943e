using System.Runtime.Intrinsics;

namespace RelayActors.Models.Numerics;

/// <summary>
/// Copies blocks of op(A) and op(B) into the micro-panel layout the <see cref="GemmKernel"/> streams through:
/// A as panels of <see cref="GemmKernel.Rows"/> rows, B as panels of <see cref="GemmKernel.Columns"/> columns, each
/// panel depth-major (step p holds one value per row / column). Transposition is absorbed here, and ragged edges are
/// padded with zeros, so the kernel always runs full tiles.
/// </summary>
internal static unsafe class GemmPacking
{
    /// <summary>
    /// Packs rows [<paramref name="row0"/>, +<paramref name="rows"/>) and depths [<paramref name="depth0"/>,
    /// +<paramref name="depth"/>) of op(A) into ⌈rows/6⌉ panels of depth×6 floats at <paramref name="destination"/>.
    /// </summary>
    public static void PackA(in GemmProblem problem, int row0, int rows, int depth0, int depth, float* destination)
    {
        const int Mr = GemmKernel.Rows;
        var lda = problem.Lda;
        for (var panel = 0; panel < rows; panel += Mr, destination += depth * Mr)
        {
            var valid = Math.Min(Mr, rows - panel);
            var first = row0 + panel;
            if (problem.TransposeA)
            {
                // A is stored k×m: a panel step is `valid` consecutive floats of one stored row.
                for (var p = 0; p < depth; p++)
                {
                    var source = problem.A + ((long)(depth0 + p) * lda) + first;
                    var target = destination + (p * Mr);
                    for (var r = 0; r < valid; r++)
                        target[r] = source[r];
                    for (var r = valid; r < Mr; r++)
                        target[r] = 0;
                }
                continue;
            }
            for (var r = 0; r < Mr; r++)
            {
                var target = destination + r;
                if (r >= valid)
                {
                    for (var p = 0; p < depth; p++)
                        target[p * Mr] = 0;
                    continue;
                }
                var source = problem.A + ((long)(first + r) * lda) + depth0;
                for (var p = 0; p < depth; p++)
                    target[p * Mr] = source[p];
            }
        }
    }

    /// <summary>
    /// Packs depths [<paramref name="depth0"/>, +<paramref name="depth"/>) and columns [<paramref name="column0"/>,
    /// +<paramref name="columns"/>) of op(B) into ⌈columns/16⌉ panels of depth×16 floats at <paramref name="destination"/>.
    /// </summary>
    public static void PackB(in GemmProblem problem, int depth0, int depth, int column0, int columns, float* destination)
    {
        const int Nr = GemmKernel.Columns;
        var ldb = problem.Ldb;
        for (var panel = 0; panel < columns; panel += Nr, destination += depth * Nr)
        {
            var valid = Math.Min(Nr, columns - panel);
            var first = column0 + panel;
            if (problem.TransposeB)
            {
                // B is stored n×k: each panel column is a contiguous run of a stored row.
                for (var j = 0; j < Nr; j++)
                {
                    var target = destination + j;
                    if (j >= valid)
                    {
                        for (var p = 0; p < depth; p++)
                            target[p * Nr] = 0;
                        continue;
                    }
                    var source = problem.B + ((long)(first + j) * ldb) + depth0;
                    for (var p = 0; p < depth; p++)
                        target[p * Nr] = source[p];
                }
                continue;
            }
            for (var p = 0; p < depth; p++)
            {
                var source = problem.B + ((long)(depth0 + p) * ldb) + first;
                var target = destination + (p * Nr);
                if (valid == Nr)
                {
                    Vector256.Store(Vector256.Load(source), target);
                    Vector256.Store(Vector256.Load(source + 8), target + 8);
                    continue;
                }
                for (var j = 0; j < valid; j++)
                    target[j] = source[j];
                for (var j = valid; j < Nr; j++)
                    target[j] = 0;
            }
        }
    }
}
