using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
            var source0 = problem.A + ((long)first * lda) + depth0;
            var done = 0;
            if (Avx.IsSupported)
            {
                // 8 depths at a time; each 8-float store overlaps the next step's first 2 floats, rewritten after it.
                for (; done + 8 <= depth; done += 8)
                    TransposeStore(source0 + done, lda, valid, destination + (done * Mr), Mr);
            }
            for (var r = 0; r < Mr; r++)
            {
                var target = destination + r;
                if (r >= valid)
                {
                    for (var p = done; p < depth; p++)
                        target[p * Mr] = 0;
                    continue;
                }
                var source = source0 + ((long)r * lda);
                for (var p = done; p < depth; p++)
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
                var source0 = problem.B + ((long)first * ldb) + depth0;
                var done = 0;
                if (Avx.IsSupported)
                {
                    for (; done + 8 <= depth; done += 8)
                    {
                        TransposeStore(source0 + done, ldb, Math.Min(8, valid), destination + (done * Nr), Nr);
                        TransposeStore(source0 + (8L * ldb) + done, ldb, Math.Max(0, valid - 8), destination + (done * Nr) + 8, Nr);
                    }
                }
                for (var j = 0; j < Nr; j++)
                {
                    var target = destination + j;
                    if (j >= valid)
                    {
                        for (var p = done; p < depth; p++)
                            target[p * Nr] = 0;
                        continue;
                    }
                    var source = source0 + ((long)j * ldb);
                    for (var p = done; p < depth; p++)
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

    /// <summary>
    /// Transposes an 8×8 block: row r (r &lt; <paramref name="rows"/>, 8 floats from <paramref name="source"/> +
    /// r·<paramref name="sourceStride"/>; rows past that count as zeros) becomes column r of the 8 vectors stored at
    /// <paramref name="destination"/> + q·<paramref name="destinationStride"/>, q = 0…7, in ascending q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void TransposeStore(float* source, long sourceStride, int rows, float* destination, int destinationStride)
    {
        var r0 = Row(source, sourceStride, 0, rows);
        var r1 = Row(source, sourceStride, 1, rows);
        var r2 = Row(source, sourceStride, 2, rows);
        var r3 = Row(source, sourceStride, 3, rows);
        var r4 = Row(source, sourceStride, 4, rows);
        var r5 = Row(source, sourceStride, 5, rows);
        var r6 = Row(source, sourceStride, 6, rows);
        var r7 = Row(source, sourceStride, 7, rows);
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var u0 = Avx.Shuffle(t0, t2, 0x44);
        var u1 = Avx.Shuffle(t0, t2, 0xEE);
        var u2 = Avx.Shuffle(t1, t3, 0x44);
        var u3 = Avx.Shuffle(t1, t3, 0xEE);
        var u4 = Avx.Shuffle(t4, t6, 0x44);
        var u5 = Avx.Shuffle(t4, t6, 0xEE);
        var u6 = Avx.Shuffle(t5, t7, 0x44);
        var u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(destination, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(destination + destinationStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(destination + (2 * destinationStride), Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(destination + (3 * destinationStride), Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(destination + (4 * destinationStride), Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(destination + (5 * destinationStride), Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(destination + (6 * destinationStride), Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(destination + (7 * destinationStride), Avx.Permute2x128(u3, u7, 0x31));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Row(float* source, long stride, int row, int rows) =>
        row < rows ? Avx.LoadVector256(source + (row * stride)) : Vector256<float>.Zero;
}
