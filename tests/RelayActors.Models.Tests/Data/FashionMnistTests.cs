using RelayActors.Models.Data;

namespace RelayActors.Models.Tests.Data;

public sealed class FashionMnistTests : IDisposable
{
    private readonly IdxTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Load_SmallDirectory_NormalisesPixelsAndKeepsLabels(bool gzip)
    {
        _files.WriteSplit("train", count: 4, rows: 3, columns: 2, gzip);
        _files.WriteSplit("t10k", count: 2, rows: 3, columns: 2, gzip);

        var (train, test) = FashionMnist.Load(_files.Directory);

        Assert.Equal((4, 2, new ImageShape(1, 3, 2)), (train.Count, test.Count, train.Shape));
        Assert.Equal(new[] { 0, 1, 2, 3 }, train.Labels.ToArray());
        Assert.Equal((7 / 255f - 0.2860f) / 0.3530f, train.Image(1)[1]); // pixel byte 6 + 1 = 7
        Assert.Equal((0 / 255f - 0.2860f) / 0.3530f, test.Image(0)[0]);
    }

    [Fact]
    public void Load_MissingDirectory_ThrowsNamingPathAndPackage()
    {
        var missing = Path.Combine(_files.Directory, "no-such-dir");

        var error = Assert.Throws<DatasetException>(() => FashionMnist.Load(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingTestLabels_ThrowsNamingFileAndPackage()
    {
        _files.WriteSplit("train", count: 2, rows: 2, columns: 2, gzip: false);
        _files.Write("t10k-images-idx3-ubyte", IdxTestFiles.Idx(0x803, [1, 2, 2], new byte[4]), gzip: false);

        var error = Assert.Throws<DatasetException>(() => FashionMnist.Load(_files.Directory));

        Assert.Contains(Path.Combine(_files.Directory, "t10k-labels-idx1-ubyte"), error.Message, StringComparison.Ordinal);
        Assert.Contains("dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelCountDiffersFromImageCount_ThrowsNamingBothFiles()
    {
        _files.WriteSplit("train", count: 3, rows: 2, columns: 2, gzip: true, labelCount: 2);
        _files.WriteSplit("t10k", count: 1, rows: 2, columns: 2, gzip: true);

        var error = Assert.Throws<DatasetException>(() => FashionMnist.Load(_files.Directory));

        Assert.Contains(Path.Combine(_files.Directory, "train-labels-idx1-ubyte.gz"), error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_files.Directory, "train-images-idx3-ubyte.gz"), error.Message, StringComparison.Ordinal);
        Assert.Contains("2 labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LabelAboveNine_ThrowsNamingFileAndLabel()
    {
        _files.WriteSplit("train", count: 1, rows: 2, columns: 2, gzip: false);
        var labels = _files.Write("train-labels-idx1-ubyte", IdxTestFiles.Idx(0x801, [1], [12]), gzip: false);

        var error = Assert.Throws<DatasetException>(() => FashionMnist.Load(_files.Directory));

        Assert.Contains(labels, error.Message, StringComparison.Ordinal);
        Assert.Contains("label 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InstalledCopy_Has60000And10000BalancedSamplesWithZeroMean()
    {
        // The real data set is optional on build machines: without it, the same call must fail with the install hint.
        if (!Directory.Exists(FashionMnist.DefaultDirectory))
        {
            var error = Assert.Throws<DatasetException>(() => FashionMnist.Load(FashionMnist.DefaultDirectory));
            Assert.Contains(FashionMnist.DefaultDirectory, error.Message, StringComparison.Ordinal);
            Assert.Contains("apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
            return;
        }
        var (train, test) = FashionMnist.Load(FashionMnist.DefaultDirectory);

        Assert.Equal((60000, 10000, new ImageShape(1, 28, 28)), (train.Count, test.Count, train.Shape));
        var perClass = new int[10];
        foreach (var label in train.Labels)
            perClass[label]++;
        Assert.All(perClass, count => Assert.Equal(6000, count));
        var sum = 0.0;
        foreach (var pixel in train.Images)
            sum += pixel;
        Assert.Equal(0.0, sum / train.Images.Length, 0.001); // raw mean 0.2860 (to 4 digits) maps to 0
    }
}
