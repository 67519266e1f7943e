namespace RelayActors.Models.Data;

/// <summary>
/// Loads Fashion-MNIST (Xiao et al. 2017: 60,000 training and 10,000 test greyscale 28 × 28 images of 10 clothing
/// classes) from the four IDX files in a directory, each gzipped (<c>.gz</c>) or plain, and normalises every pixel to
/// <c>(x / 255 − 0.2860) / 0.3530</c>, the training set's mean and standard deviation.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>Mean of the raw training pixels scaled to [0, 1].</summary>
    public const float Mean = 0.2860f;

    /// <summary>Standard deviation of the raw training pixels scaled to [0, 1].</summary>
    public const float StandardDeviation = 0.3530f;

    /// <summary>Number of classes (T-shirt/top, trouser, pullover, dress, coat, sandal, shirt, sneaker, bag, ankle boot).</summary>
    public const int Classes = 10;

    private const string Remedy =
        "Install it with `apt-get install dataset-fashion-mnist` (Debian; files go to " + DefaultDirectory + "), or point " +
        "the configuration's data directory at a copy holding train-images-idx3-ubyte, train-labels-idx1-ubyte, " +
        "t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (each optionally .gz), " +
        "from https://github.com/zalandoresearch/fashion-mnist.";

    /// <summary>The training and test sets from <paramref name="directory"/>; named <c>fashion-mnist/train</c> and <c>/test</c>.</summary>
    public static (Dataset Train, Dataset Test) Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
            throw new DatasetException(directory, $"Fashion-MNIST directory '{directory}' does not exist. {Remedy}");
        var train = LoadSplit(directory, "train", "train");
        var test = LoadSplit(directory, "t10k", "test");
        if (train.Shape != test.Shape)
            throw new DatasetException(
                directory, $"Fashion-MNIST in '{directory}': training images are {train.Shape} but test images are {test.Shape}.");
        return (train, test);
    }

    private static Dataset LoadSplit(string directory, string prefix, string split)
    {
        var imagesPath = Locate(directory, $"{prefix}-images-idx3-ubyte");
        var labelsPath = Locate(directory, $"{prefix}-labels-idx1-ubyte");
        var pixels = IdxFile.ReadImages(imagesPath, out var count, out var rows, out var columns);
        var rawLabels = IdxFile.ReadLabels(labelsPath, out var labelCount);
        if (labelCount != count)
            throw new DatasetException(
                labelsPath, $"Fashion-MNIST {split} set: '{labelsPath}' holds {labelCount} labels but '{imagesPath}' holds {count} images.");

        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (rawLabels[i] >= Classes)
                throw new DatasetException(labelsPath, $"Fashion-MNIST label file '{labelsPath}': sample {i} has label {rawLabels[i]}, expected 0–{Classes - 1}.");
            labels[i] = rawLabels[i];
        }
        return new Dataset($"fashion-mnist/{split}", new ImageShape(1, rows, columns), Classes, Normalise(pixels), labels);
    }

    /// <summary>The gzipped file when present, else the plain one; neither → an error naming both candidates.</summary>
    private static string Locate(string directory, string stem)
    {
        var gzipped = Path.Combine(directory, stem + ".gz");
        if (File.Exists(gzipped))
            return gzipped;
        var plain = Path.Combine(directory, stem);
        if (File.Exists(plain))
            return plain;
        throw new DatasetException(plain, $"Fashion-MNIST file '{plain}' (or '{gzipped}') is missing. {Remedy}");
    }

    private static float[] Normalise(byte[] pixels)
    {
        // One table lookup per pixel: 256 possible values, computed once in the same float arithmetic for every file.
        Span<float> table = stackalloc float[256];
        for (var v = 0; v < table.Length; v++)
            table[v] = (v / 255f - Mean) / StandardDeviation;
        var result = new float[pixels.Length];
        for (var i = 0; i < pixels.Length; i++)
            result[i] = table[pixels[i]];
        return result;
    }
}
