using System.Buffers.Binary;
using System.IO.Compression;

namespace RelayActors.Models.Tests.Data;

/// <summary>A temporary directory of small IDX files written by a test; deleted on dispose.</summary>
internal sealed class IdxTestFiles : IDisposable
{
    public IdxTestFiles()
    {
        Directory = Path.Combine(Path.GetTempPath(), "relayactors-idx-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Header (magic, dimensions) followed by <paramref name="data"/>, as IDX stores it.</summary>
    public static byte[] Idx(int magic, int[] dimensions, byte[] data)
    {
        var bytes = new byte[4 * (1 + dimensions.Length) + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        for (var d = 0; d < dimensions.Length; d++)
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 * (1 + d)), dimensions[d]);
        data.CopyTo(bytes, 4 * (1 + dimensions.Length));
        return bytes;
    }

    /// <summary>Pixel bytes 0, 1, 2, … (mod 256) for <paramref name="count"/> images of rows × columns.</summary>
    public static byte[] Pixels(int count, int rows, int columns)
    {
        var pixels = new byte[count * rows * columns];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(i % 256);
        return pixels;
    }

    public string Write(string name, byte[] content, bool gzip)
    {
        var path = Path.Combine(Directory, name);
        if (!gzip)
        {
            File.WriteAllBytes(path, content);
            return path;
        }
        using var file = File.Create(path);
        using var stream = new GZipStream(file, CompressionLevel.Fastest);
        stream.Write(content);
        return path;
    }

    /// <summary>Writes a consistent Fashion-MNIST-style split (prefix "train" or "t10k") with labels i mod 10.</summary>
    public void WriteSplit(string prefix, int count, int rows, int columns, bool gzip, int? labelCount = null)
    {
        var suffix = gzip ? ".gz" : "";
        Write($"{prefix}-images-idx3-ubyte{suffix}", Idx(0x803, [count, rows, columns], Pixels(count, rows, columns)), gzip);
        var labels = new byte[labelCount ?? count];
        for (var i = 0; i < labels.Length; i++)
            labels[i] = (byte)(i % 10);
        Write($"{prefix}-labels-idx1-ubyte{suffix}", Idx(0x801, [labels.Length], labels), gzip);
    }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
