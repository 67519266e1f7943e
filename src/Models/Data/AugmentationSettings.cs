namespace RelayActors.Models.Data;

/// <summary>
/// Training-time augmentation of one sample, as torchvision's <c>RandomCrop(size, padding)</c> followed by
/// <c>RandomHorizontalFlip()</c> in the reference's CIFAR pipeline (spec §5.1: padding 4 plus flips).
/// </summary>
/// <param name="CropPadding">Pad every side by this many zero pixels and crop back to the original size at a uniformly
/// random offset, i.e. shift by −P…P rows and columns independently; 0 disables cropping.</param>
/// <param name="HorizontalFlip">Mirror left–right with probability 0.5.</param>
public sealed record AugmentationSettings(int CropPadding = 0, bool HorizontalFlip = false)
{
    /// <summary>No augmentation: batches hold exact copies of the data set's images.</summary>
    public static readonly AugmentationSettings None = new();

    /// <summary>Whether any augmentation is applied.</summary>
    public bool Enabled => CropPadding > 0 || HorizontalFlip;

    /// <summary>Throws <see cref="ArgumentException"/> when <see cref="CropPadding"/> is negative or not smaller than the image, naming the value.</summary>
    public void Validate(ImageShape shape)
    {
        if (CropPadding < 0 || CropPadding >= Math.Min(shape.Height, shape.Width))
            throw new ArgumentException($"Crop padding {CropPadding} is outside [0, {Math.Min(shape.Height, shape.Width)}) for {shape} images.");
    }
}
