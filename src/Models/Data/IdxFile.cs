using System.Buffers.Binary;
using System.IO.Compression;

namespace RelayActors.Models.Data;

/// <summary>
/// Reader for the IDX format of MNIST and Fashion-MNIST: a big-endian int32 magic (<c>0x00000803</c> for an image file
/// of unsigned bytes with three dimensions, <c>0x00000801</c> for a label file with one), one big-endian int32 per
/// dimension, then the bytes row-major. A file is gunzipped first when it starts with the gzip magic <c>1F 8B</c>,
/// whatever its name. Every defect (missing, empty, bad gzip, wrong magic, truncated header or data, trailing bytes)
/// is a <see cref="DatasetException"/> naming the file.
/// </summary>
public static class IdxFile
{
    /// <summary>Magic of an unsigned-byte file with three dimensions (count, rows, columns).</summary>
    public const int ImagesMagic = 0x0803;

    /// <summary>Magic of an unsigned-byte file with one dimension (count).</summary>
    public const int LabelsMagic = 0x0801;

    /// <summary>The pixels of an image file, <paramref name="count"/> × <paramref name="rows"/> × <paramref name="columns"/> bytes.</summary>
    public static byte[] ReadImages(string path, out int count, out int rows, out int columns)
    {
        var (dimensions, data) = Read(path, ImagesMagic, dimensionCount: 3);
        count = dimensions[0];
        rows = dimensions[1];
        columns = dimensions[2];
        return data;
    }

    /// <summary>The labels of a label file, one byte per sample.</summary>
    public static byte[] ReadLabels(string path, out int count)
    {
        var (dimensions, data) = Read(path, LabelsMagic, dimensionCount: 1);
        count = dimensions[0];
        return data;
    }

    private static (int[] Dimensions, byte[] Data) Read(string path, int magic, int dimensionCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = Decompress(path, ReadAllBytes(path));
        var headerLength = 4 * (1 + dimensionCount);
        if (bytes.Length == 0)
            throw Corrupt(path, "is empty");
        if (bytes.Length < headerLength)
            throw Corrupt(path, $"has a truncated header: {bytes.Length} bytes, the header of this file type needs {headerLength}");
        var found = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (found != magic)
            throw Corrupt(path, $"has magic 0x{found:X8}, expected 0x{magic:X8} ({Describe(magic)})");

        var dimensions = new int[dimensionCount];
        var expected = 1L;
        for (var d = 0; d < dimensionCount; d++)
        {
            dimensions[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * (1 + d)));
            if (dimensions[d] < 0 || (d > 0 && dimensions[d] == 0))
                throw Corrupt(path, $"declares dimension {d} as {dimensions[d]}");
            expected *= dimensions[d];
        }
        var dataLength = bytes.Length - (long)headerLength;
        if (dataLength != expected)
        {
            var what = dataLength < expected ? "is truncated" : "has trailing bytes";
            throw Corrupt(path, $"{what}: the header declares {string.Join(" × ", dimensions)} = {expected} data bytes, the file holds {dataLength}");
        }
        return (dimensions, bytes.AsSpan(headerLength).ToArray());
    }

    private static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(path, $"Cannot read IDX file '{path}': {e.Message}", e);
        }
    }

    private static byte[] Decompress(string path, byte[] bytes)
    {
        if (bytes.Length < 2 || bytes[0] != 0x1F || bytes[1] != 0x8B)
            return bytes;
        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            return plain.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DatasetException(path, $"IDX file '{path}' starts with the gzip magic but is not valid gzip ({e.Message}); download it again.", e);
        }
    }

    private static string Describe(int magic) => magic == ImagesMagic ? "an IDX image file" : "an IDX label file";

    private static DatasetException Corrupt(string path, string problem) =>
        new(path, $"IDX file '{path}' {problem}; download or copy it again.");
}
