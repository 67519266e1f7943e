using System.Runtime.CompilerServices;

namespace RelayActors.Models.Numerics;

/// <summary>
/// The pack buffers of one thread, kept between calls so that a steady-state multiply allocates nothing. They live
/// on the pinned object heap (their addresses never move) and grow to the largest block the thread has packed.
/// </summary>
internal sealed unsafe class GemmWorkspace
{
    /// <summary>
    /// Floats of slack: up to 15 to start a buffer on a 64-byte (cache line) boundary, and 8 past its end, where
    /// <see cref="GemmPacking"/>'s overlapping 8-float stores may spill 2 floats.
    /// </summary>
    private const int AlignmentSlack = 24;

    [ThreadStatic]
    private static GemmWorkspace? t_current;

    private float[] _a = [];
    private float[] _b = [];

    /// <summary>The calling thread's workspace.</summary>
    public static GemmWorkspace Current => t_current ??= new GemmWorkspace();

    /// <summary>A buffer for at least <paramref name="length"/> floats of packed A, valid until the next call on this thread.</summary>
    public float* PackedA(int length) => Aligned(ref _a, length);

    /// <summary>A buffer for at least <paramref name="length"/> floats of packed B, valid until the next call on this thread.</summary>
    public float* PackedB(int length) => Aligned(ref _b, length);

    private static float* Aligned(ref float[] buffer, int length)
    {
        if (buffer.Length < length + AlignmentSlack)
            buffer = GC.AllocateUninitializedArray<float>(length + AlignmentSlack, pinned: true);
        var address = (nint)Unsafe.AsPointer(ref buffer[0]);
        return (float*)((address + 63) & ~(nint)63);
    }
}
