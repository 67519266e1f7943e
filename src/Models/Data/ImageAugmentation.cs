using RelayActors.Models.Numerics;

namespace RelayActors.Models.Data;

/// <summary>
/// Random crop with zero padding and random horizontal flip of one C×H×W image, writing into a destination of the same
/// shape without allocating. "Zero" is zero in the normalised values the data set stores, i.e. the data mean; torchvision
/// pads raw black pixels before normalising, which normalise to −mean/std instead.
/// </summary>
internal static class ImageAugmentation
{
    /// <summary>
    /// Shifts <paramref name="source"/> by (dy, dx) uniform in [−P, P]² (pixels shifted in from outside are 0), then
    /// mirrors it left–right with probability 0.5; the draws happen in that order, each only when enabled.
    /// </summary>
    public static void Apply(ReadOnlySpan<float> source, Span<float> destination, ImageShape shape, AugmentationSettings settings, ref StepRandom random)
    {
        var padding = settings.CropPadding;
        var dy = padding > 0 ? random.NextInt(2 * padding + 1) - padding : 0;
        var dx = padding > 0 ? random.NextInt(2 * padding + 1) - padding : 0;
        var flip = settings.HorizontalFlip && random.NextUInt64() >> 63 == 1;
        Crop(source, destination, shape, dy, dx, flip);
    }

    /// <summary>
    /// destination[c, y, x] = source[c, y + dy, x' + dx] with x' = W − 1 − x when <paramref name="mirror"/>, else x;
    /// 0 where the source position lies outside the image. (A padded crop at offset (P + dy, P + dx), then a flip.)
    /// </summary>
    public static void Crop(ReadOnlySpan<float> source, Span<float> destination, ImageShape shape, int dy, int dx, bool mirror)
    {
        var (height, width) = (shape.Height, shape.Width);
        for (var c = 0; c < shape.Channels; c++)
        {
            var plane = c * height * width;
            for (var y = 0; y < height; y++)
            {
                var row = destination.Slice(plane + y * width, width);
                var sourceY = y + dy;
                if (sourceY < 0 || sourceY >= height)
                {
                    row.Clear();
                    continue;
                }
                var sourceRow = source.Slice(plane + sourceY * width, width);
                for (var x = 0; x < width; x++)
                {
                    var sourceX = (mirror ? width - 1 - x : x) + dx;
                    row[x] = sourceX >= 0 && sourceX < width ? sourceRow[sourceX] : 0f;
                }
            }
        }
    }
}
