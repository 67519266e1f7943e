using RelayActors.Models.Data;

namespace RelayActors.Models.Tests.Data;

public sealed class IdxFileTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_ValidFile_ReturnsDimensionsAndBytes(bool gzip)
    {
        var pixels = IdxTestFiles.Pixels(3, 2, 4);
        var path = _files.Write("images", IdxTestFiles.Idx(0x803, [3, 2, 4], pixels), gzip);

        var data = IdxFile.ReadImages(path, out var count, out var rows, out var columns);

        Assert.Equal((3, 2, 4), (count, rows, columns));
        Assert.Equal(pixels, data);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadLabels_ValidFile_ReturnsCountAndLabels(bool gzip)
    {
        var path = _files.Write("labels.bin", IdxTestFiles.Idx(0x801, [5], [9, 0, 3, 3, 7]), gzip);

        var data = IdxFile.ReadLabels(path, out var count);

        Assert.Equal(5, count);
        Assert.Equal(new byte[] { 9, 0, 3, 3, 7 }, data);
    }

    [Fact]
    public void ReadLabels_GzipContentWithoutGzExtension_IsDetectedByMagic()
    {
        var path = _files.Write("t10k-labels-idx1-ubyte", IdxTestFiles.Idx(0x801, [2], [4, 5]), gzip: true);

        Assert.Equal(new byte[] { 4, 5 }, IdxFile.ReadLabels(path, out _));
    }

    [Fact]
    public void ReadImages_LabelMagic_ThrowsNamingPathAndMagic()
    {
        var path = _files.Write("wrong-magic", IdxTestFiles.Idx(0x801, [3, 2, 2], new byte[12]), gzip: false);

        var error = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path, out _, out _, out _));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("0x00000801", error.Message, StringComparison.Ordinal);
        Assert.Equal(path, error.Path);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_TruncatedData_ThrowsNamingPath(bool gzip)
    {
        var path = _files.Write("truncated", IdxTestFiles.Idx(0x803, [3, 2, 2], new byte[11]), gzip);

        var error = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path, out _, out _, out _));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadImages_TruncatedHeader_ThrowsNamingPath()
    {
        var path = _files.Write("short-header", IdxTestFiles.Idx(0x803, [3], []), gzip: false);

        var error = Assert.Throws<DatasetException>(() => IdxFile.ReadImages(path, out _, out _, out _));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("truncated header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabels_TrailingBytes_ThrowsNamingPath()
    {
        var path = _files.Write("trailing", IdxTestFiles.Idx(0x801, [2], [1, 2, 3]), gzip: false);

        var error = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path, out _));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("trailing bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabels_EmptyFile_ThrowsNamingPath()
    {
        var path = _files.Write("empty", [], gzip: false);

        var error = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path, out _));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabels_CorruptGzip_ThrowsNamingPath()
    {
        var path = _files.Write("corrupt.gz", [0x1F, 0x8B, 0x08, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x03, 0xAB, 0xCD], gzip: false);

        var error = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path, out _));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadLabels_MissingFile_ThrowsNamingPath()
    {
        var path = Path.Combine(_files.Directory, "absent");

        var error = Assert.Throws<DatasetException>(() => IdxFile.ReadLabels(path, out _));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
